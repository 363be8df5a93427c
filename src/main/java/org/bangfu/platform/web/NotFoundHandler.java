package org.bangfu.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** An unknown path: a problem detail under /api, the error page elsewhere. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class NotFoundHandler {

	private final ProblemResponses problems;

	NotFoundHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(404)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problems.problem(request, 404, "error.notFound"));
		}
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(HttpStatus.NOT_FOUND);
		mav.addObject("status", 404);
		return mav;
	}

}
