/** The server under test: launched in its own JVM on a fresh database (LaunchedServer) or already running (RemoteServer). */
package org.beacon.bench.server;
