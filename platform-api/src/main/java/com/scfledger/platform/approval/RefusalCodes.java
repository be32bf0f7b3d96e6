package com.scfledger.platform.approval;

import com.scfledger.platform.domain.Reason;

/**
 * The reasons one kind of application gives for the shared refusals; clients know them, so each side keeps its own.
 *
 * @param invalidState     a transition the state graph does not allow
 * @param notEditable      a change of details or documents outside an editable state
 * @param documentsMissing a submission without every required kind of document
 * @param sameChecker      the checker is the maker (four eyes)
 */
public record RefusalCodes(Reason invalidState, Reason notEditable, Reason documentsMissing, Reason sameChecker) {
}
