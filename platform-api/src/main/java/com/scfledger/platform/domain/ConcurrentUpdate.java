package com.scfledger.platform.domain;

/**
 * Another writer changed the record between our read and our write (its optimistic version moved on).
 * Nothing was changed; the same request is worth retrying.
 */
public final class ConcurrentUpdate extends DomainException {

    public ConcurrentUpdate(String detail) {
        super(Reason.CONCURRENT_UPDATE, detail);
    }
}
