/** The generator's machinery: many client connections (Fleet), the open-loop schedule, latency metrics with intended-time measurement, and the tracker that finds lost and duplicated deliveries. */
package org.beacon.bench.load;
