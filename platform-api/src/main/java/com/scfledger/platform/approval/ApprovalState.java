package com.scfledger.platform.approval;

import java.util.Set;

/**
 * The states of one kind of application: each names the states it may become and whether the applicant may still
 * change the application in it. {@link Approval} refuses every transition the graph does not allow.
 */
public interface ApprovalState<S extends Enum<S> & ApprovalState<S>> {

    Set<S> successors();

    /** The applicant may still change details and documents. */
    boolean editable();

    default boolean canBecome(S next) {
        return successors().contains(next);
    }
}
