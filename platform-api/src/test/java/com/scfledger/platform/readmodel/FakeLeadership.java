package com.scfledger.platform.readmodel;

/** Leadership the test grants or withholds (another instance leads while it is withheld). */
final class FakeLeadership implements ProjectorLeadership {

    private volatile boolean available = true;
    private volatile boolean leads;

    void withhold() {
        available = false;
        leads = false;
    }

    void grant() {
        available = true;
    }

    @Override
    public boolean tryLead() {
        leads = leads || available;
        return leads;
    }

    @Override
    public boolean leads() {
        return leads;
    }

    @Override
    public boolean stillHeld() {
        return leads;
    }

    @Override
    public void release() {
        leads = false;
    }
}
