package org.bangfu.web;

import org.bangfu.platform.web.PageMessages;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.shared.BangfuException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A {@link BangfuException} escaping a page controller becomes the error page with its message. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	private final PageMessages messages;

	PageExceptionHandler(PageMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BangfuException.class)
	String bangfu(BangfuException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.problem().status());
		model.addAttribute("status", ex.problem().status());
		model.addAttribute("detail", messages.of(ex));
		return "error";
	}

}
