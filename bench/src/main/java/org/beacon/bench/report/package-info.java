/** The report (one flat set of figures, printed and as JSON) and the fsync probe. */
package org.beacon.bench.report;
