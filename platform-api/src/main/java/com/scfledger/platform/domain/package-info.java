/**
 * The platform's business refusals, free of HTTP. Aggregates, repositories and services throw a
 * {@link com.scfledger.platform.domain.DomainException} naming a {@link com.scfledger.platform.domain.Reason};
 * the problem handler turns it into an RFC 9457 problem once, at the edge, where each reason has its status.
 */
package com.scfledger.platform.domain;
