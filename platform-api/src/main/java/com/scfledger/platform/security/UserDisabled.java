package com.scfledger.platform.security;

/**
 * A platform admin disabled a user. Published inside the disabling transaction, so a listener that fails undoes
 * the disable; the identity feature revokes the user's personal ledger certificate on it.
 *
 * @param enterpriseId the user's enterprise (null for a platform admin without one)
 * @param username     the user's name, as their personal ledger identity carries it
 */
public record UserDisabled(String enterpriseId, String username) {
}
