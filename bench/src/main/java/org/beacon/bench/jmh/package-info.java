/** JMH benchmarks: the frame codec and JSON mapping, and the store's durable append path. Run them with java -jar bench/target/beacon-bench.jar jmh [JMH options]. */
package org.beacon.bench.jmh;
