package eu.partnershiptracker.query.http;

/** The body of every error answer: {@code {"status": 400, "error": "..."}}. */
record ApiError(int status, String error) {

    /** How the OpenAPI description explains a 400 of a query. */
    static final String BAD_REQUEST = "A parameter is malformed; the message names it";
    /** How the OpenAPI description explains a 503 of a query. */
    static final String UNAVAILABLE = "Rebalancing, not running, or an instance holding part of the data did not"
            + " answer; retry";
}
