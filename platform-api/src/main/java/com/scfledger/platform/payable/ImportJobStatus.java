package com.scfledger.platform.payable;

/** Where a CSV import job stands: queued, its rows being registered, or every row done. */
enum ImportJobStatus { QUEUED, RUNNING, COMPLETED }
