package org.bangfu.programs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.Organisations;
import org.bangfu.programs.BankLayout.FileType;
import org.bangfu.programs.internal.bank.BankFileReader;
import org.bangfu.programs.internal.bank.BankFileWriter;
import org.bangfu.programs.internal.bank.BankLayoutPolicy;
import org.bangfu.programs.internal.bank.BankLayoutStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank layouts as data: list, create, change (never the built-in default), and a preview of a
 * sample file (the example of the format document: 某县总工会 paying 张三 and 李四 200.00 each).
 */
@Service
public class BankLayouts {

	private final BankLayoutStore store;

	private final Organisations organisations;

	private final AuditLog audit;

	BankLayouts(BankLayoutStore store, Organisations organisations, AuditLog audit) {
		this.store = store;
		this.organisations = organisations;
		this.audit = audit;
	}

	/** The layouts the scope may use: the built-in one first. */
	public List<BankLayout> usable(Scope scope) {
		return store.usable(scope);
	}

	public BankLayout require(Scope scope, long id) {
		return store.usable(scope, id).orElseThrow(() -> BangfuException.notFound("bank.layout.notFound", id));
	}

	/** The built-in default layout (the format document's). */
	public BankLayout builtIn(Scope scope) {
		return store.usable(scope).stream().filter(BankLayout::builtIn).findFirst().orElseThrow();
	}

	public boolean editable(Scope scope, long id) {
		return store.editable(scope, id).isPresent();
	}

	@Transactional
	public BankLayout create(Scope scope, BankLayout layout) {
		if (layout.organisationId() == null) {
			throw BangfuException.badField("organisationId", "bank.layout.organisation.required");
		}
		organisations.require(scope, layout.organisationId());
		BankLayout clean = clean(layout);
		BankLayoutPolicy.check(clean);
		long id = store.insert(clean, login());
		audit.record("bank.layout.create", "bankLayout", id, Map.of("name", clean.name(), "bankCode", clean.bankCode()));
		return require(scope, id);
	}

	@Transactional
	public BankLayout update(Scope scope, long id, BankLayout layout) {
		BankLayout current = store.editable(scope, id).orElseThrow(() -> BangfuException.notFound("bank.layout.notFound", id));
		BankLayout clean = clean(layout);
		BankLayoutPolicy.check(clean);
		store.update(id, clean, login());
		audit.record("bank.layout.update", "bankLayout", id, Map.of("name", clean.name(), "before", current.name()));
		return require(scope, id);
	}

	/** A sample payment file in the layout (not stored anywhere; it holds made-up data only). */
	public BankLayoutPreview preview(BankLayout layout) {
		BankLayoutPolicy.check(layout);
		BankFileWriter.Header header = new BankFileWriter.Header("某县总工会", "1234567890123456789",
				LocalDate.of(2026, 10, 18), "20261018001", 2, 40000);
		String code = layout.idTypeCode(PaymentIdType.RESIDENT_ID);
		List<BankFileWriter.Line> lines = List.of(
				new BankFileWriter.Line(1, "张三", "6222020200000000001", code, "420102195001010016", 20000L, "重阳节慰问金", ""),
				new BankFileWriter.Line(2, "李四", "6222020200000000002", code, "420102194802020025", 20000L, "重阳节慰问金", ""));
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			BankFileWriter.write(layout, true, header, sink -> lines.forEach(sink), out);
			byte[] bytes = out.toByteArray();
			Path file = Files.createTempFile("bangfu-bank-sample-", layout.fileType().suffix());
			List<List<String>> rows = new ArrayList<>();
			try {
				Files.write(file, bytes);
				BankFileReader.read(layout, file, (n, fields) -> rows.add(Arrays.asList(fields)));
			}
			finally {
				Files.deleteIfExists(file);
			}
			String text = layout.fileType() == FileType.TEXT ? new String(bytes, layout.encoding().charset()) : null;
			return new BankLayoutPreview(rows, text, bytes, "sample-" + layout.bankCode() + layout.fileType().suffix());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BankLayout clean(BankLayout l) {
		return new BankLayout(null, l.organisationId(), l.name() == null ? null : l.name().strip(),
				l.bankCode() == null ? null : l.bankCode().strip(), l.encoding(), l.separator(), l.lineEnd(),
				l.amountUnit(), l.summaryPosition(), l.fileType(), l.summaryColumns(), l.detailColumns(),
				l.returnSummaryColumns(), l.returnDetailColumns(), l.idTypeCodes(), false);
	}

	private static String login() {
		return Actor.current().map(Actor::login).orElse("system");
	}

}
