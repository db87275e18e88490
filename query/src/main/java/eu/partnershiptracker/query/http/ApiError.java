package eu.partnershiptracker.query.http;

/** The body of every error answer: {@code {"status": 400, "error": "..."}}. */
record ApiError(int status, String error) {
}
