package com.scfledger.platform.payable;

/** The outcome of one row of a CSV import. */
enum ImportRowStatus { PENDING, REGISTERED, ALREADY_REGISTERED, INVALID, FAILED }
