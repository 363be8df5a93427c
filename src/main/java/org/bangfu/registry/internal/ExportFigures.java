package org.bangfu.registry.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind;

/**
 * The economics of an export row beyond yearly income and spending, as the template's optional
 * columns carry them: the member's monthly items of incomeMonth (the household's latest month
 * recorded on its own, not only mirrored from 月收入), the household's latest sudden cost (its
 * kind and date summed), and its current assets (vehicles' value and the luxury purchases summed,
 * homes and businesses counted, known from the latest of their dates). Null where nothing is
 * recorded, so the cell stays empty and importing the export back changes nothing.
 */
public record ExportFigures(YearMonth incomeMonth, Map<IncomeKind, BigDecimal> monthly, SuddenCostKind costKind,
		LocalDate costDate, BigDecimal costAmount, BigDecimal costCovered, LocalDate assetsAsOf, VehicleKind vehicleKind,
		BigDecimal vehicleValue, Integer extraHomes, Integer businesses, BigDecimal luxury) {
}
