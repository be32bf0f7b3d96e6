"""A schemathesis check (loaded through SCHEMATHESIS_HOOKS by scripts/fuzz-api.sh): every 4xx answer of the
API is a problem (application/problem+json), as docs/platform-api.md promises; a 5xx is caught by the built-in
not_a_server_error check."""
import schemathesis


@schemathesis.check
def problem_json_for_4xx(ctx, response, case):
    if 400 <= response.status_code < 500:
        content_type = response.headers.get("content-type", [""])
        if isinstance(content_type, list):
            content_type = content_type[0] if content_type else ""
        if not content_type.startswith("application/problem+json"):
            raise AssertionError(
                f"{response.status_code} answered with content type {content_type!r}, not application/problem+json")
