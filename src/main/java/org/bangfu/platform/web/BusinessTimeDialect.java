package org.bangfu.platform.web;

import java.util.Set;

import org.bangfu.shared.BusinessTime;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #times} in templates: dates and times shown in the business time zone through
 * {@link BusinessTime} — {@code ${#times.minutes(c.submittedAt)}}, {@code #times.date(..)},
 * {@code #times.seconds(..)}, {@code #times.format(value, 'yyyy-MM-dd')}. Templates use it instead
 * of {@code #temporals}, which formats a moment in the JVM's zone (a test keeps it that way).
 */
@Component
class BusinessTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

	BusinessTimeDialect() {
		super("bangfu-times");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("times");
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				return "times".equals(name) ? Times.INSTANCE : null;
			}

			@Override
			public boolean isCacheable(String name) {
				return true;
			}

		};
	}

	/** The methods templates call. */
	public static final class Times {

		static final Times INSTANCE = new Times();

		public String format(Object value, String pattern) {
			return BusinessTime.format(value, pattern);
		}

		public String minutes(Object value) {
			return BusinessTime.minutes(value);
		}

		public String seconds(Object value) {
			return BusinessTime.seconds(value);
		}

		public String date(Object value) {
			return BusinessTime.date(value);
		}

	}

}
