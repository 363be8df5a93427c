package org.bangfu.registry.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.TemplateColumn;
import org.bangfu.shared.IdNumber;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The standard household import template as a workbook: the Chinese headers in template order
 * (cells formatted as text, so ID numbers and codes keep their digits), one sample household of
 * two people to overwrite, and a second sheet explaining every column (from the message bundle,
 * in the user's language).
 */
@Controller
class HouseholdTemplateController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final PageMessages messages;

	HouseholdTemplateController(PageMessages messages) {
		this.messages = messages;
	}

	@GetMapping("/households/import/template")
	@PreAuthorize(HouseholdController.WRITE)
	ResponseEntity<byte[]> template() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));

			Sheet members = workbook.createSheet(messages.get("imports.template.sheet"));
			Row header = members.createRow(0);
			for (TemplateColumn c : TemplateColumn.values()) {
				header.createCell(c.ordinal()).setCellValue(c.header());
				header.getCell(c.ordinal()).setCellStyle(bold);
				members.setDefaultColumnStyle(c.ordinal(), text);
				members.setColumnWidth(c.ordinal(), (c == TemplateColumn.ID_NUMBER || c == TemplateColumn.BANK_ACCOUNT ? 22 : 12) * 256);
			}
			int r = 1;
			for (Map<TemplateColumn, String> sample : sample()) {
				Row row = members.createRow(r++);
				sample.forEach((c, v) -> {
					row.createCell(c.ordinal()).setCellValue(v);
					row.getCell(c.ordinal()).setCellStyle(text);
				});
			}
			members.createFreezePane(0, 1);

			Sheet notes = workbook.createSheet(messages.get("imports.template.notes"));
			Row top = notes.createRow(0);
			List<String> titles = List.of("imports.col.header", "imports.col.alias", "imports.col.required",
					"imports.col.level", "imports.col.meaning");
			for (int i = 0; i < titles.size(); i++) {
				top.createCell(i).setCellValue(messages.get(titles.get(i)));
				top.getCell(i).setCellStyle(bold);
			}
			for (TemplateColumn c : TemplateColumn.values()) {
				Row row = notes.createRow(c.ordinal() + 1);
				row.createCell(0).setCellValue(c.header());
				row.createCell(1).setCellValue(c.alias());
				row.createCell(2).setCellValue(messages.get(c.required() ? "imports.required.yes" : "imports.required.no"));
				row.createCell(3).setCellValue(
						messages.get(c.householdLevel() ? "imports.level.household" : "imports.level.person"));
				row.createCell(4).setCellValue(messages.get("imports.column." + c.name()));
			}
			notes.setColumnWidth(0, 12 * 256);
			notes.setColumnWidth(1, 18 * 256);
			notes.setColumnWidth(4, 90 * 256);
			workbook.write(out);
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("household-import-template.xlsx").build().toString())
				.contentType(MediaType.parseMediaType(XLSX))
				.body(out.toByteArray());
		}
	}

	/** A household of two (head and spouse) that imports as it is: valid ID numbers, a real village. */
	static List<Map<TemplateColumn, String>> sample() {
		Map<TemplateColumn, String> head = new EnumMap<>(TemplateColumn.class);
		head.put(TemplateColumn.HOUSEHOLD_REF, "H-0001");
		head.put(TemplateColumn.REGION_CODE, "420102002003");
		head.put(TemplateColumn.NAME, "张示例");
		head.put(TemplateColumn.ID_NUMBER, withCheck("42010219720304123"));
		head.put(TemplateColumn.RELATION, "户主");
		head.put(TemplateColumn.SEX, "男");
		head.put(TemplateColumn.MONTHLY_INCOME, "1200.00");
		head.put(TemplateColumn.EMPLOYMENT, "失业");
		head.put(TemplateColumn.HEALTH, "慢性病");
		head.put(TemplateColumn.CATEGORIES, "困难职工");
		head.put(TemplateColumn.HARDSHIP_CAUSES, "因病、失业");
		head.put(TemplateColumn.HOUSING, "租住");
		head.put(TemplateColumn.ANNUAL_RENT, "9600");
		head.put(TemplateColumn.VEHICLES, "0");
		head.put(TemplateColumn.SAVINGS, "1200");
		head.put(TemplateColumn.PHONE, "13812345678");
		head.put(TemplateColumn.BANK_NAME, "中国工商银行");
		head.put(TemplateColumn.BANK_ACCOUNT, "6222020200112345678");
		Map<TemplateColumn, String> spouse = new EnumMap<>(TemplateColumn.class);
		spouse.put(TemplateColumn.HOUSEHOLD_REF, "H-0001");
		spouse.put(TemplateColumn.REGION_CODE, "420102002003");
		spouse.put(TemplateColumn.NAME, "李示例");
		spouse.put(TemplateColumn.ID_NUMBER, withCheck("42010219740506202"));
		spouse.put(TemplateColumn.RELATION, "配偶");
		spouse.put(TemplateColumn.SEX, "女");
		spouse.put(TemplateColumn.MONTHLY_INCOME, "800.00");
		spouse.put(TemplateColumn.EMPLOYMENT, "灵活就业");
		spouse.put(TemplateColumn.HEALTH, "健康");
		return List.of(head, spouse);
	}

	private static String withCheck(String first17) {
		return first17 + IdNumber.checkChar(first17);
	}

}
