/** The six load scenarios (steady, capacity, fanout, idle, resume-storm, offline) and what a run shares (BenchRun). */
package org.beacon.bench.scenario;
