package com.scfledger.platform.enterprise;

import java.time.Instant;
import java.util.UUID;

import com.scfledger.platform.security.Role;

/** A user of an enterprise, as the admin sees it after creating it. */
record EnterpriseUser(UUID id, String username, Role role, String enterpriseId, Instant createdAt) {
}
