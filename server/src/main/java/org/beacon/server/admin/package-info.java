/**
 * The {@code beacon-server} command line: {@link org.beacon.server.admin.BeaconCommand} and one
 * class per administration subcommand (create, import, add-user, reset-password, grant, revoke,
 * im, backup, stats). Console, password input and store opening are injected through
 * {@link org.beacon.server.admin.AdminEnvironment} so that tests drive the commands in-process.
 */
package org.beacon.server.admin;
