package org.bangfu.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies other than file uploads (JSON, forms) larger than
 * {@code bangfu.web.max-body-size} (1 MB) with a 413 problem: a declared length over the limit
 * is refused before reading, a chunked body fails as soon as it passes the limit. Multipart
 * uploads have their own, larger limit (spring.servlet.multipart.*).
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	private final long limit;

	BodySizeLimitFilter(ProblemResponses problems, @Value("${bangfu.web.max-body-size:1MB}") DataSize limit) {
		this.problems = problems;
		this.limit = limit.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || type.toLowerCase().startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			problems.write(request, response, 413, "error.tooLarge");
			return;
		}
		chain.doFilter(new Limited(request, limit), response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					count(b < 0 ? 0 : 1);
					return b;
				}

				@Override
				public int read(byte[] buf, int off, int len) throws IOException {
					int n = in.read(buf, off, len);
					count(Math.max(n, 0));
					return n;
				}

				private void count(int n) throws IOException {
					read += n;
					if (read > limit) {
						throw new IOException("JSON body larger than " + limit + " bytes");
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}

	}

}
