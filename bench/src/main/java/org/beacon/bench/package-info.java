/** The Beacon load generator (beacon-bench.jar) and its command line; see bench/README.md. */
package org.beacon.bench;
