package org.referrals.query.common;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The query side answers what a caller may not see exactly like what does not exist. */
public final class ReadProblems {

    private ReadProblems() {
    }

    public static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such resource");
        problem.setType(URI.create("/problems/not-found"));
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
