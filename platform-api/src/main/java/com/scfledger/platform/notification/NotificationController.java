package com.scfledger.platform.notification;

import java.util.UUID;

import com.scfledger.platform.domain.NotPermitted;
import com.scfledger.platform.security.ScfPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's enterprise's notifications and the caller's own read marks. Marking read changes only what this
 * caller has seen, not the enterprise's data, so reading notifications is the one scope all three need.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "What arrived for the caller's enterprise, derived from the read model")
@Validated
class NotificationController {

    static final String ID = "^[A-Z_]{1,40}(~[A-Za-z0-9._-]{1,128}){1,2}$";
    static final String DUE_DESCRIPTION = "maturities due from today to this many days ahead (the business day)";

    record UnreadCount(long unread) {
    }

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
    @Operation(summary = "The caller's enterprise's notifications, newest first, with the caller's unread count",
            description = "Tokens received, payables to accept, financing applications to review (banks), approvals, "
                    + "rejections and disbursements (applicants), and maturities due (holders and obligors). Each is a "
                    + "type with its parameters; the client words it.")
    NotificationPage list(@Parameter(description = DUE_DESCRIPTION)
                          @RequestParam(defaultValue = "7") @Min(0) @Max(366) int dueWithinDays,
                          @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                          @AuthenticationPrincipal ScfPrincipal caller) {
        return notifications.list(enterprise(caller), reader(caller), dueWithinDays, page, size);
    }

    @PostMapping("/{notificationId}/read")
    @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
    @Operation(summary = "Mark one notification read for the caller; answers the unread count left",
            description = "NOT_FOUND 404 when the caller's enterprise has no such notification.")
    UnreadCount markRead(@PathVariable @Pattern(regexp = ID) String notificationId,
                         @Parameter(description = DUE_DESCRIPTION)
                         @RequestParam(defaultValue = "7") @Min(0) @Max(366) int dueWithinDays,
                         @AuthenticationPrincipal ScfPrincipal caller) {
        return new UnreadCount(notifications.markRead(enterprise(caller), reader(caller), notificationId,
                dueWithinDays));
    }

    @PostMapping("/read-all")
    @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
    @Operation(summary = "Mark every current notification read for the caller; answers the unread count left")
    UnreadCount markAllRead(@Parameter(description = DUE_DESCRIPTION)
                            @RequestParam(defaultValue = "7") @Min(0) @Max(366) int dueWithinDays,
                            @AuthenticationPrincipal ScfPrincipal caller) {
        return new UnreadCount(notifications.markAllRead(enterprise(caller), reader(caller), dueWithinDays));
    }

    private static String enterprise(ScfPrincipal caller) {
        if (caller.enterpriseId() == null) {
            throw new NotPermitted("This caller acts for no enterprise.");
        }
        return caller.enterpriseId();
    }

    /** Users and API keys both have UUID ids; a key's marks are its own. */
    private static UUID reader(ScfPrincipal caller) {
        return UUID.fromString(caller.subjectId());
    }
}
