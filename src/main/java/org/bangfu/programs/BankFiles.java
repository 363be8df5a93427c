package org.bangfu.programs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.Organisations;
import org.bangfu.programs.internal.bank.BankAnswerUpload;
import org.bangfu.programs.internal.bank.BankBatchStore;
import org.bangfu.programs.internal.bank.BankFileMaker;
import org.bangfu.programs.internal.bank.BankFollowUps;
import org.bangfu.programs.internal.bank.BankIssuer;
import org.bangfu.programs.internal.bank.BankLayoutStore;
import org.bangfu.programs.internal.bank.BankReturnImport;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Bank payment files (代发) and the bank's answers. Callers (rosters) hand over generic payment
 * orders; a batch is stored with its lines (accounts and ID numbers as keyed hash + ciphertext)
 * and its file produced and checked to add up before anything is kept. The file itself is never
 * stored: {@link #download} regenerates it from the lines and hands it out only when it adds up
 * and is byte for byte the file checked at issue. Return files and verification answers are
 * reconciled line by line ({@link #importAnswer}); failed lines are corrected and re-issued in a
 * follow-up batch ({@link #reissue}).
 */
@Service
public class BankFiles {

	private static final Pattern DUPLICATE_REFERENCE = Pattern.compile("\\(reference\\)=\\((\\d+)\\)");

	private final BankIssuer issuer;

	private final BankBatchStore store;

	private final BankLayoutStore layouts;

	private final BankFileMaker maker;

	private final BankReturnImport returns;

	private final BankFollowUps followUps;

	private final Organisations organisations;

	private final AuditLog audit;

	private final BusinessClock clock;

	private final ApplicationEventPublisher events;

	private final long maxAnswerSize;

	BankFiles(BankIssuer issuer, BankBatchStore store, BankLayoutStore layouts, BankFileMaker maker,
			BankReturnImport returns, BankFollowUps followUps, Organisations organisations, AuditLog audit, BusinessClock clock,
			ApplicationEventPublisher events, @Value("${bangfu.bank.max-answer-size:500MB}") DataSize maxAnswerSize) {
		this.issuer = issuer;
		this.store = store;
		this.layouts = layouts;
		this.maker = maker;
		this.returns = returns;
		this.followUps = followUps;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
		this.maxAnswerSize = maxAnswerSize.toBytes();
	}

	/** Issues a payment batch (see the class comment); refusals name the line and store nothing. */
	@Transactional
	public BankBatchView issue(Scope scope, BankBatchRequest request, Stream<PaymentOrder> orders) {
		return issue(scope, BankBatchKind.PAYMENT, request, orders, null, null);
	}

	@Transactional
	public BankBatchView issue(Scope scope, BankBatchRequest request, List<PaymentOrder> orders) {
		return issue(scope, request, orders.stream());
	}

	/** Issues an account verification batch: the same detail lines without amounts. */
	@Transactional
	public BankBatchView issueVerification(Scope scope, BankBatchRequest request, Stream<PaymentOrder> orders) {
		return issue(scope, BankBatchKind.VERIFICATION, request, orders, null, null);
	}

	/**
	 * Re-issues failed lines of a reconciled payment batch with corrected accounts (one correction per
	 * reference) in a new batch whose 备注 is {@code 补发:原批次号}, through the same checks. A paid line,
	 * a line not failed in that batch, or one already waiting in another batch is refused.
	 */
	@Transactional
	public BankBatchView reissue(Scope scope, long batchId, LocalDate fileDate, List<PaymentCorrection> corrections) {
		BankBatchView original = require(scope, batchId);
		List<PaymentOrder> orders = followUps.orders(original.id(), original.kind() == BankBatchKind.PAYMENT, original.open(),
				original.batchNo(), corrections);
		BankBatchRequest request = new BankBatchRequest(
				new BankPayer(original.organisationId(), original.payerName(), original.payerAccount()),
				original.layoutId(), original.purpose(), fileDate);
		return issue(scope, BankBatchKind.PAYMENT, request, orders.stream(), batchId, store.layoutOf(batchId));
	}

	private BankBatchView issue(Scope scope, BankBatchKind kind, BankBatchRequest r, Stream<PaymentOrder> orders,
			Long followUpOf, BankLayout layoutOfOriginal) {
		if (r.payer() == null) {
			throw BangfuException.badField("payerName", "bank.batch.payerName.required");
		}
		organisations.require(scope, r.payer().organisationId());
		BankLayout layout = layoutOfOriginal != null ? layoutOfOriginal : layouts.usable(scope, r.layoutId())
			.orElseThrow(() -> BangfuException.badField("layoutId", "bank.layout.notFound", r.layoutId()));
		LocalDate today = clock.today();
		LocalDate fileDate = r.fileDate() == null ? today : r.fileDate();
		String by = Actor.current().map(Actor::login).orElse("system");
		BankIssuer.Issued issued;
		try {
			issued = issuer.issue(kind, r.payer(), layout, r.purpose(), fileDate, today, orders, followUpOf, by);
		}
		catch (DuplicateKeyException ex) {
			Matcher m = DUPLICATE_REFERENCE.matcher(String.valueOf(ex.getMessage()));
			throw BangfuException.badField("orders", "bank.order.reference.race", m.find() ? m.group(1) : "?");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("batchNo", issued.batchNo());
		detail.put("kind", kind.name());
		detail.put("lines", issued.lineCount());
		detail.put("totalFen", issued.totalFen());
		detail.put("sha256", issued.sha256());
		if (followUpOf != null) {
			detail.put("followUpOf", followUpOf);
		}
		audit.record("bank.batch.issue", "bankBatch", issued.id(), detail);
		events.publishEvent(new BankBatchIssued(issued.id(), r.payer().organisationId(), kind, issued.batchNo(),
				issued.lineCount(), issued.totalFen(), followUpOf));
		return require(scope, issued.id());
	}

	/**
	 * The batch's file, regenerated from its lines, checked to add up and to be the file checked at
	 * issue (its SHA-256); audited, for it holds full accounts and ID numbers.
	 */
	public BankFileDownload download(Scope scope, long batchId) throws IOException {
		BankBatchView batch = require(scope, batchId);
		BankFileMaker.Made made = maker.make(batchId);
		if (!made.sha256().equals(batch.fileSha256())) {
			Files.deleteIfExists(made.file());
			throw BangfuException.badField("file", "bank.file.changed", batch.batchNo());
		}
		audit.record("bank.batch.download", "bankBatch", batchId, Map.of("batchNo", batch.batchNo(), "lines",
				batch.lineCount(), "contentSha256", made.sha256(), "sha256", made.bytesSha256()));
		String type = made.fileName().endsWith(".xlsx")
				? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/plain";
		return new BankFileDownload(made.fileName(), type, made.file(), made.size(), made.bytesSha256());
	}

	/**
	 * Imports the bank's answer to a batch: a return file for a payment batch, the verification
	 * answer for a verification batch. Refused whole ({@link BankReturnRefused}, nothing changed) when
	 * it does not match the sent batch; the same answer twice changes nothing the second time.
	 */
	public BankReturnResult importAnswer(Scope scope, long batchId, String fileName, InputStream in) throws IOException {
		return importAnswer(scope, batchId, fileName, in, WorkProgress.NONE);
	}

	/** The same, reporting the lines read as it goes. */
	public BankReturnResult importAnswer(Scope scope, long batchId, String fileName, InputStream in, WorkProgress progress)
			throws IOException {
		BankBatchView batch = require(scope, batchId);
		String name = fileName == null || fileName.isBlank() ? "return" : Path.of(fileName).getFileName().toString();
		name = name.length() > 255 ? name.substring(name.length() - 255) : name;
		BankAnswerUpload.Upload upload = BankAnswerUpload.store(in, maxAnswerSize);
		Path file = upload.file();
		try {
			String sha = upload.sha256();
			BankReturnResult result;
			try {
				result = returns.run(batchId, file, name, sha, Actor.current().map(Actor::login).orElse("system"), progress);
			}
			catch (BangfuException ex) {
				audit.record("bank.return.refused", "bankBatch", batchId,
						Map.of("batchNo", batch.batchNo(), "fileName", name, "sha256", sha, "reason", ex.messageKey()));
				throw ex;
			}
			audit.record("bank.return.import", "bankBatch", batchId, Map.of("batchNo", batch.batchNo(), "fileName", name,
					"sha256", sha, "changed", result.changed(), "succeeded", result.succeeded(), "failed", result.failed()));
			return result;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** Every line's outcome in 序号 order (the caller's reference, status, the bank's reason). */
	public List<PaymentOutcome> outcomes(Scope scope, long batchId) {
		List<PaymentOutcome> all = new ArrayList<>();
		outcomes(scope, batchId, all::add);
		return all;
	}

	/** The same, streamed, for large batches. */
	public void outcomes(Scope scope, long batchId, Consumer<PaymentOutcome> sink) {
		require(scope, batchId);
		store.outcomes(batchId, null, sink);
	}

	/** The failed lines of a batch (verification or payment): reference and the bank's reason, to send back for correction. */
	public List<PaymentFailure> failures(Scope scope, long batchId) {
		require(scope, batchId);
		List<PaymentFailure> failed = new ArrayList<>();
		store.outcomes(batchId, PaymentLineStatus.FAILED, o -> failed.add(new PaymentFailure(o.reference(), o.reason())));
		return failed;
	}

	public BankBatchView require(Scope scope, long batchId) {
		return store.find(scope, batchId).orElseThrow(() -> BangfuException.notFound("bank.batch.notFound", batchId));
	}

	public BankBatchPage batches(Scope scope, BankBatchKind kind, BankBatchStatus status, int page, int size) {
		int s = Math.max(1, Math.min(100, size));
		int p = Math.max(1, page);
		return new BankBatchPage(store.list(scope, kind, status, (p - 1) * s, s), store.count(scope, kind, status), p, s);
	}

	/** A page of a batch's lines (masked), optionally only those with a status. */
	public List<BankLineView> lines(Scope scope, long batchId, PaymentLineStatus status, int page, int size) {
		BankBatchView batch = require(scope, batchId);
		int s = Math.max(1, Math.min(500, size));
		List<BankLineView> lines = store.lines(batchId, status, (Math.max(1, page) - 1) * s, s);
		audit.record("bank.batch.lines.view", "bankBatch", batchId,
				Map.of("batchNo", batch.batchNo(), "page", Math.max(1, page), "lines", lines.size()));
		return lines;
	}

}
