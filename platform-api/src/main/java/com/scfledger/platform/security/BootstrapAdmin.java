package com.scfledger.platform.security;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates the first platform admin from SCF_ADMIN_USERNAME / SCF_ADMIN_PASSWORD when no such user exists. */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final SecurityProperties properties;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;

    BootstrapAdmin(SecurityProperties properties, UserAccounts accounts, PasswordEncoder encoder) {
        this.properties = properties;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecurityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (admin == null || !admin.configured() || accounts.exists(admin.username())) {
            return;
        }
        accounts.insertAdmin(UUID.randomUUID(), admin.username(), encoder.encode(admin.password()));
        log.info("created the bootstrap platform admin '{}'", admin.username());
    }
}
