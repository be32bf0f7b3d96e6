package com.scfledger.platform.readmodel;

/**
 * Who projects: one API instance per database leads, the others stand by, serve reads, and take
 * over when the leader goes.
 */
interface ProjectorLeadership {

    /** Leads if no other instance does (or this one already does); false: stand by and ask again later. */
    boolean tryLead();

    /** Whether this instance leads now. */
    boolean leads();

    /** Whether the leadership this instance holds is still real (its hold on it has not been lost). */
    boolean stillHeld();

    /** Lets another instance lead. */
    void release();
}
