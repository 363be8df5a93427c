package org.bangfu.pairing.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.bangfu.pairing.AgreementView;
import org.bangfu.pairing.Assistance;
import org.bangfu.pairing.AssistanceCommands.AddAgreement;
import org.bangfu.pairing.AssistanceCommands.AddMeasure;
import org.bangfu.pairing.AssistanceCommands.ConfirmLedger;
import org.bangfu.pairing.AssistanceCommands.ConfirmOnScreen;
import org.bangfu.pairing.AssistanceCommands.SetClauseStatus;
import org.bangfu.pairing.AssistanceCommands.UpdateMeasure;
import org.bangfu.pairing.DueRow;
import org.bangfu.pairing.IndicatorRollup;
import org.bangfu.pairing.LedgerConfirmation;
import org.bangfu.pairing.LedgerView;
import org.bangfu.pairing.Ledgers;
import org.bangfu.pairing.MeasureView;
import org.bangfu.pairing.VisitCommands.RecordVisit;
import org.bangfu.pairing.VisitCommands.SetPolicy;
import org.bangfu.pairing.VisitPolicyView;
import org.bangfu.pairing.VisitView;
import org.bangfu.pairing.VisitView.PhotoView;
import org.bangfu.pairing.Visits;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Visits and ledger", description = "Visits with the plan-7 checklist and photos, visit policies, due/overdue, indicators, measures, agreements, ledger (走访, 台账, 一户一册)")
class VisitRestController {

	static final String READ = PairingRestController.READ;

	static final String RECORD = "hasAnyRole('ADMIN','CASEWORKER','PAIRING_CADRE')";

	private final Visits visits;

	private final Assistance assistance;

	private final Ledgers ledgers;

	VisitRestController(Visits visits, Assistance assistance, Ledgers ledgers) {
		this.visits = visits;
		this.assistance = assistance;
		this.ledgers = ledgers;
	}

	@GetMapping("/visits")
	@PreAuthorize(READ)
	@Operation(summary = "A household's visits, newest first")
	List<VisitView> visits(@RequestParam long householdId) {
		return visits.viewOfHousehold(Actor.require().scope(), householdId);
	}

	@GetMapping("/visits/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "One visit with its checklist and photos")
	VisitView visit(@PathVariable long id) {
		return visits.view(Actor.require().scope(), id);
	}

	@PostMapping("/visits")
	@PreAuthorize(RECORD)
	@Operation(summary = "Record a visit (administrators and caseworkers: any household in scope; cadres: their paired households)",
			description = "A repeat with the same clientKey returns the visit recorded the first time (offline retries).")
	ResponseEntity<VisitView> record(@Valid @RequestBody RecordVisit cmd) {
		VisitView v = visits.record(Actor.require(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/visits/" + v.id())).body(v);
	}

	@PostMapping(path = "/visits/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(RECORD)
	@Operation(summary = "Add a photo (type checked by content, scaled to 1600 px on its longer side, stored as JPEG)")
	PhotoView photo(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
		return visits.addPhoto(Actor.require(), id, file.getBytes());
	}

	@GetMapping("/households/{householdId}/indicators")
	@PreAuthorize(READ)
	@Operation(summary = "The household's indicator state: its latest visit with a checklist")
	ResponseEntity<VisitView> indicatorState(@PathVariable long householdId) {
		return visits.indicatorState(Actor.require().scope(), householdId).map(ResponseEntity::ok)
			.orElse(ResponseEntity.noContent().build());
	}

	@GetMapping("/indicators")
	@PreAuthorize(READ)
	@Operation(summary = "Indicator roll-up by organisation (subtree, own, children) or region (one level below)")
	List<IndicatorRollup> indicators(@RequestParam(defaultValue = "organisation") String by,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String region) {
		return "region".equals(by) ? visits.indicatorsByRegion(Actor.require().scope(), region)
				: visits.indicatorsByOrganisation(Actor.require().scope(), organisationId);
	}

	@GetMapping("/visit-policies")
	@PreAuthorize(READ)
	@Operation(summary = "Visit frequency policies in scope")
	List<VisitPolicyView> policies() {
		return visits.policies(Actor.require().scope());
	}

	@PostMapping("/visit-policies")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Set the frequency (MONTHLY, QUARTERLY, DAYS with intervalDays) for an organisation and optionally a household category")
	VisitPolicyView setPolicy(@Valid @RequestBody SetPolicy cmd) {
		return visits.setPolicy(Actor.require().scope(), cmd);
	}

	@DeleteMapping("/visit-policies/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Remove a policy")
	ResponseEntity<Void> deletePolicy(@PathVariable long id) {
		visits.deletePolicy(Actor.require().scope(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/visits/due")
	@PreAuthorize(READ)
	@Operation(summary = "Households due within N days or overdue, per cadre or organisation scope, earliest first")
	List<DueRow> due(@RequestParam(required = false) Long cadreId, @RequestParam(defaultValue = "14") int within,
			@RequestParam(defaultValue = "500") int limit) {
		return visits.due(Actor.require().scope(), cadreId, within, false, limit);
	}

	@GetMapping("/visits/overdue")
	@PreAuthorize(READ)
	@Operation(summary = "Households past their due date, per cadre or organisation scope")
	List<DueRow> overdue(@RequestParam(required = false) Long cadreId, @RequestParam(defaultValue = "500") int limit) {
		return visits.due(Actor.require().scope(), cadreId, 0, true, limit);
	}

	@GetMapping("/measures")
	@PreAuthorize(READ)
	@Operation(summary = "A household's measures")
	List<MeasureView> measures(@RequestParam long householdId) {
		return assistance.measures(Actor.require(), householdId);
	}

	@PostMapping("/measures")
	@PreAuthorize(RECORD)
	@Operation(summary = "Add a measure: type, state before and target after (both required), owner, due date")
	ResponseEntity<MeasureView> addMeasure(@Valid @RequestBody AddMeasure cmd) {
		MeasureView m = assistance.addMeasure(Actor.require(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/measures/" + m.id())).body(m);
	}

	@PutMapping("/measures/{id}")
	@PreAuthorize(RECORD)
	@Operation(summary = "Change a measure's status and result (DONE needs a result)")
	MeasureView updateMeasure(@PathVariable long id, @Valid @RequestBody UpdateMeasure cmd) {
		return assistance.updateMeasure(Actor.require(), id, cmd);
	}

	@GetMapping("/agreements")
	@PreAuthorize(READ)
	@Operation(summary = "A household's assistance agreements with clauses")
	List<AgreementView> agreements(@RequestParam long householdId) {
		return assistance.agreements(Actor.require(), householdId);
	}

	@PostMapping("/agreements")
	@PreAuthorize(RECORD)
	@Operation(summary = "Add an agreement with its clauses (owner, due date)")
	ResponseEntity<AgreementView> addAgreement(@Valid @RequestBody AddAgreement cmd) {
		AgreementView a = assistance.addAgreement(Actor.require(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/agreements/" + a.id())).body(a);
	}

	@PostMapping("/agreements/{id}/sign")
	@PreAuthorize(RECORD)
	@Operation(summary = "Record the head of household's on-screen confirmation (the name must be the head's)")
	AgreementView sign(@PathVariable long id, @Valid @RequestBody ConfirmOnScreen cmd) {
		return assistance.signOnScreen(Actor.require(), id, cmd.headName());
	}

	@PostMapping(path = "/agreements/{id}/signed-page", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(RECORD)
	@Operation(summary = "Upload the signed page (PDF or image, checked by content)")
	AgreementView signedPage(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
		return assistance.signByUpload(Actor.require(), id, file.getBytes());
	}

	@PutMapping("/agreements/clauses/{clauseId}")
	@PreAuthorize(RECORD)
	@Operation(summary = "Set a clause's status (OPEN, DONE, CANCELLED)")
	AgreementView clause(@PathVariable long clauseId, @Valid @RequestBody SetClauseStatus cmd) {
		return assistance.setClauseStatus(Actor.require(), clauseId, cmd.status());
	}

	@GetMapping("/ledgers/{householdId}")
	@PreAuthorize(READ)
	@Operation(summary = "The household's ledger (一户一册) as JSON (audited view)")
	LedgerView ledger(@PathVariable long householdId) {
		return ledgers.ledger(Actor.require(), householdId);
	}

	@GetMapping(path = "/ledgers/{householdId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize(READ)
	@Operation(summary = "The household's ledger as an A4 PDF with Chinese fonts (audited export)")
	ResponseEntity<byte[]> pdf(@PathVariable long householdId, Locale locale) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(ledgers.pdf(Actor.require(), householdId, locale));
	}

	@PostMapping("/ledgers/{householdId}/confirmations")
	@PreAuthorize(RECORD)
	@Operation(summary = "Record the head of household's confirmation of the ledger for a period")
	LedgerConfirmation confirm(@PathVariable long householdId, @Valid @RequestBody ConfirmLedger cmd) {
		if (cmd.periodTo() == null) {
			throw BangfuException.badField("periodTo", "ledger.period.required");
		}
		return assistance.confirmLedger(Actor.require(), householdId, cmd);
	}

}
