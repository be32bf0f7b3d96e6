package com.scfledger.platform.approval;

/**
 * The codes one kind of application answers the shared refusals with; clients know them, so each side keeps its own.
 *
 * @param invalidState     a transition the state graph does not allow
 * @param notEditable      a change of details or documents outside an editable state
 * @param documentsMissing a submission without every required kind of document
 * @param sameChecker      the checker is the maker (four eyes)
 */
public record RefusalCodes(String invalidState, String notEditable, String documentsMissing, String sameChecker) {
}
