package com.scfledger.platform.readmodel;

import com.scfledger.platform.domain.DomainException;
import com.scfledger.platform.ledger.LedgerFailure;
import java.time.Duration;
import java.util.Set;

import com.scfledger.platform.ledger.LedgerSigners;
import com.scfledger.platform.problem.ApiProblem;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read-model commands of the API's jar (the application starts on an ephemeral loopback port, runs the
 * command and exits):
 * <pre>
 * java -jar platform-api.jar rebuild-read-model   # empty it, replay from block 0, wait until caught up
 * java -jar platform-api.jar check-read-model     # catch up, compare with the ledger, print the report
 * </pre>
 * Exit status 0 on success (a consistent read model), 1 otherwise.
 */
public final class ReadModelCommand {

    public static final Set<String> COMMANDS = Set.of("rebuild-read-model", "check-read-model");
    private static final Duration CATCH_UP = Duration.ofMinutes(30);

    private ReadModelCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        String command = args[0];
        // the whole application, its HTTP port on an ephemeral loopback port unless the caller chose one
        // (nothing is served to anyone); the caller's own arguments follow
        java.util.List<String> rest = new java.util.ArrayList<>();
        java.util.List<String> given = java.util.Arrays.asList(args).subList(1, args.length);
        if (given.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            rest.add("--server.port=0");
        }
        if (given.stream().noneMatch(a -> a.startsWith("--server.address="))) {
            rest.add("--server.address=127.0.0.1");
        }
        rest.addAll(given);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application)
                .properties("scf.projector.enabled=true").run(rest.toArray(String[]::new))) {
            Projector projector = ctx.getBean(Projector.class);
            String operator = ctx.getEnvironment().getProperty("scf.platform.operator-enterprise-id", "PLATFORM");
            try {
                ctx.getBean(LedgerSigners.class).credentialsOf(operator);
            } catch (ApiProblem | DomainException | LedgerFailure missing) {
                System.err.println("the read model is fed with the operator's ledger identity: "
                        + ApiProblem.answerTo(missing).detail()
                        + " (POST /api/v1/admin/enterprises/" + operator + "/ledger-identity)");
                return 1;
            }
            if (command.equals("rebuild-read-model")) {
                projector.rebuild();
            }
            boolean caughtUp = projector.awaitCaughtUp(CATCH_UP);
            Projector.Status status = projector.status();
            System.out.println((caughtUp ? "caught up" : "NOT caught up") + " at block " + status.checkpointBlock()
                    + " with " + status.eventsApplied() + " events applied");
            if (!caughtUp) {
                return 1;
            }
            if (command.equals("check-read-model")) {
                ConsistencyCheck.Report report = ctx.getBean(ConsistencyCheck.class).check(null);
                JsonMapper json = ctx.getBean(JsonMapper.class).rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
                System.out.println(json.writeValueAsString(report));
                return report.consistent() ? 0 : 1;
            }
            return 0;
        }
    }
}
