package com.scfledger.platform.readmodel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read model for platform admins: the projector's state, a rebuild from block 0, the consistency check. */
@RestController
@RequestMapping("/api/v1/admin/read-model")
@Tag(name = "Administration")
@Validated
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class ReadModelAdminController {

    private final Projector projector;
    private final ConsistencyCheck check;

    ReadModelAdminController(Projector projector, ConsistencyCheck check) {
        this.projector = projector;
        this.check = check;
    }

    @GetMapping
    @Operation(summary = "The projector: checkpoint, events applied, lag behind the ledger, last error")
    Projector.Status status() {
        return projector.status();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Empty the read model and replay every chaincode event from block 0",
            description = "Answers 202 at once; the replay runs in the background (GET this resource, or "
                    + "/actuator/health, shows the lag falling to 0). Reads see the model filling up meanwhile.")
    ResponseEntity<Projector.Status> rebuild() {
        projector.rebuild();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projector.status());
    }

    @GetMapping("/consistency")
    @Operation(summary = "Compare the read model with the ledger's world state and report every difference",
            description = "With enterpriseId, only the records that involve that enterprise.")
    ConsistencyCheck.Report consistency(@RequestParam(required = false) @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$")
                                        String enterpriseId) {
        return check.check(enterpriseId);
    }
}
