package com.scfledger.platform;

import com.scfledger.platform.readmodel.ReadModelCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The REST service over the SCF ledger. */
@SpringBootApplication
@EnableScheduling
public class PlatformApiApplication {

    /** Serves the API; or, with {@code rebuild-read-model} or {@code check-read-model} first, runs that command and exits. */
    public static void main(String[] args) {
        if (ReadModelCommand.handles(args)) {
            System.exit(ReadModelCommand.run(PlatformApiApplication.class, args));
        }
        SpringApplication.run(PlatformApiApplication.class, args);
    }
}
