package org.bangfu.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A multipart request refused while it is parsed (before any controller is chosen, so no
 * controller's advice sees it). Too large when it is; otherwise a part's header was too long (an
 * overlong file or field name), which is a bad request with a message saying so, not a 413.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class MultipartRefusals {

	private final ProblemResponses problems;

	private final long maxRequestBytes;

	MultipartRefusals(ProblemResponses problems,
			@Value("${spring.servlet.multipart.max-file-size:200MB}") DataSize maxFile) {
		this.problems = problems;
		this.maxRequestBytes = maxFile.toBytes(); // no part and no request of this size can be over either limit
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail refused(HttpServletRequest request) {
		return answer(problems, request, maxRequestBytes);
	}

	static ProblemDetail answer(ProblemResponses problems, HttpServletRequest request, long maxRequestBytes) {
		long length = request.getContentLengthLong();
		if (length >= 0 && length <= maxRequestBytes) {
			return problems.problem(request, 400, "error.partHeader");
		}
		return problems.problem(request, 413, "error.tooLarge");
	}

}
