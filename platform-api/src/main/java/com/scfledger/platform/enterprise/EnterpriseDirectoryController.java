package com.scfledger.platform.enterprise;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counterparties a business user may pick (a split's recipients, a bank to finance with, an obligor): active
 * enterprises only, with nothing but their id, name and role, so that every business role may search it.
 */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "Enterprise directory", description = "Active counterparties, searchable by id and name")
@Validated
class EnterpriseDirectoryController {

    /** The roles a counterparty can have; the platform's own enterprise is never one. */
    enum CounterpartyRole { CORE, SUPPLIER, BANK }

    record Counterparty(String id, String name, CounterpartyRole role) {
    }

    /** One page of the directory; {@code more} says whether a next page (offset + limit) has entries. */
    record CounterpartyPage(List<Counterparty> items, boolean more) {
    }

    private final Enterprises enterprises;

    EnterpriseDirectoryController(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping("/directory")
    @PreAuthorize("hasAuthority('SCOPE_tokens:read')")
    @Operation(summary = "Active enterprises whose id or name contains the text (case ignored), by name")
    CounterpartyPage directory(
            @Parameter(description = "only enterprises of this role") @RequestParam(required = false) CounterpartyRole role,
            @Parameter(description = "text the id or the name contains") @RequestParam(defaultValue = "")
            @Size(max = 200) String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
        List<Counterparty> found = enterprises.active(role == null ? null : role.name(), q.strip(), limit + 1, offset)
                .stream().map(e -> new Counterparty(e.id(), e.name(), CounterpartyRole.valueOf(e.role()))).toList();
        return new CounterpartyPage(found.stream().limit(limit).toList(), found.size() > limit);
    }
}
