package com.scfledger.platform.enterprise;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.platform.domain.AlreadyExists;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.ledger.Org;
import com.scfledger.platform.security.PasswordPolicy;
import com.scfledger.platform.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a platform admin does to enterprises directly: create one, and create its users. */
@Service
class EnterpriseAdministration {

    private final Enterprises enterprises;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    EnterpriseAdministration(Enterprises enterprises, JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A new enterprise, PENDING until it is registered on the ledger; its organisation defaults by role. */
    Enterprise create(String id, String name, EnterpriseRole role, Org requestedOrg, String kycHash) {
        Org org = requestedOrg != null ? requestedOrg : defaultOrg(role);
        if (role == EnterpriseRole.PLATFORM && org != Org.PLATFORM) {
            throw new RuleViolation(Reason.ORG_NOT_ALLOWED, "The platform's enterprise belongs to the PLATFORM organisation.");
        }
        return enterprises.create(id, name, role.name(), org, kycHash);
    }

    static Org defaultOrg(EnterpriseRole role) {
        return switch (role) {
            case CORE -> Org.CORE;
            case BANK -> Org.BANK;
            case SUPPLIER, PLATFORM -> Org.PLATFORM;
        };
    }

    /** A user whose role fits its enterprise's: admins and auditors belong to the platform, the others to their kind. */
    @Transactional
    EnterpriseUser createUser(String enterpriseId, String username, String password, Role role) {
        Enterprise e = enterprises.require(enterpriseId);
        boolean fits = switch (role) {
            case PLATFORM_ADMIN, AUDITOR -> e.role().equals(EnterpriseRole.PLATFORM.name());
            case CORE, SUPPLIER, BANK -> e.role().equals(role.name());
        };
        if (!fits) {
            throw new RuleViolation(Reason.ROLE_NOT_ALLOWED, "A " + role + " user cannot belong to a " + e.role()
                    + " enterprise.");
        }
        PasswordPolicy.check(username, password);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO users (id, username, password_hash, role, enterprise_id)
                    VALUES (:id, :u, :h, :r, :e)""")
                    .param("id", id).param("u", username).param("h", encoder.encode(password))
                    .param("r", role.name()).param("e", enterpriseId).update();
        } catch (DuplicateKeyException ex) {
            throw new AlreadyExists(Reason.USERNAME_TAKEN, "The username " + username.toLowerCase(Locale.ROOT) + " is taken.");
        }
        return new EnterpriseUser(id, username, role, enterpriseId, clock.instant());
    }
}
