/**
 * Signing in: slow salted password hashes, resume tokens stored by digest, and throttling of
 * failed attempts per account and per address.
 */
package org.beacon.server.auth;
