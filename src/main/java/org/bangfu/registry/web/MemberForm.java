package org.bangfu.registry.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;

/** The member part of the page forms (a JavaBean so pages can bind nested fields like head.name). */
public class MemberForm {

	private String name;

	private String idNumber;

	private Relation relation;

	private String ethnicity;

	private String maritalStatus;

	private String hukouType;

	private Employment employment;

	private String employer;

	private String phone;

	private BigDecimal wage;

	private BigDecimal businessIncome;

	private BigDecimal propertyIncome;

	private BigDecimal transferIncome;

	private BigDecimal pension;

	private Health health = Health.HEALTHY;

	private String disease;

	private String disabilityKind;

	private Integer disabilityGrade;

	private Schooling schooling;

	private String school;

	private String medicalInsurance;

	private List<Category> categories = new ArrayList<>();

	MemberData toData() {
		return new MemberData(name, idNumber, relation, ethnicity, maritalStatus, hukouType, employment, employer, phone,
				wage, businessIncome, propertyIncome, transferIncome, pension, health, disease, disabilityKind,
				disabilityGrade, schooling, school, medicalInsurance, categories);
	}

	/** For editing: everything but the ID number, which the user re-enters only to change it. */
	static MemberForm of(MemberView m) {
		MemberForm f = new MemberForm();
		f.name = m.name();
		f.relation = m.relation();
		f.ethnicity = m.ethnicity();
		f.maritalStatus = m.maritalStatus();
		f.hukouType = m.hukouType();
		f.employment = m.employment();
		f.employer = m.employer();
		f.phone = m.phone();
		f.wage = m.wage();
		f.businessIncome = m.businessIncome();
		f.propertyIncome = m.propertyIncome();
		f.transferIncome = m.transferIncome();
		f.pension = m.pension();
		f.health = m.health();
		f.disease = m.disease();
		f.disabilityKind = m.disabilityKind();
		f.disabilityGrade = m.disabilityGrade();
		f.schooling = m.schooling();
		f.school = m.school();
		f.medicalInsurance = m.medicalInsurance();
		f.categories = new ArrayList<>(m.categories());
		return f;
	}

	// @formatter:off
	/** Nothing typed in the row that identifies a person: the row is ignored. */
	public boolean blank() {
		return (name == null || name.isBlank()) && (idNumber == null || idNumber.isBlank());
	}

	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public String getIdNumber() { return idNumber; }
	public void setIdNumber(String v) { idNumber = v; }
	public Relation getRelation() { return relation; }
	public void setRelation(Relation v) { relation = v; }
	public String getEthnicity() { return ethnicity; }
	public void setEthnicity(String v) { ethnicity = v; }
	public String getMaritalStatus() { return maritalStatus; }
	public void setMaritalStatus(String v) { maritalStatus = v; }
	public String getHukouType() { return hukouType; }
	public void setHukouType(String v) { hukouType = v; }
	public Employment getEmployment() { return employment; }
	public void setEmployment(Employment v) { employment = v; }
	public String getEmployer() { return employer; }
	public void setEmployer(String v) { employer = v; }
	public String getPhone() { return phone; }
	public void setPhone(String v) { phone = v; }
	public BigDecimal getWage() { return wage; }
	public void setWage(BigDecimal v) { wage = v; }
	public BigDecimal getBusinessIncome() { return businessIncome; }
	public void setBusinessIncome(BigDecimal v) { businessIncome = v; }
	public BigDecimal getPropertyIncome() { return propertyIncome; }
	public void setPropertyIncome(BigDecimal v) { propertyIncome = v; }
	public BigDecimal getTransferIncome() { return transferIncome; }
	public void setTransferIncome(BigDecimal v) { transferIncome = v; }
	public BigDecimal getPension() { return pension; }
	public void setPension(BigDecimal v) { pension = v; }
	public Health getHealth() { return health; }
	public void setHealth(Health v) { health = v; }
	public String getDisease() { return disease; }
	public void setDisease(String v) { disease = v; }
	public String getDisabilityKind() { return disabilityKind; }
	public void setDisabilityKind(String v) { disabilityKind = v; }
	public Integer getDisabilityGrade() { return disabilityGrade; }
	public void setDisabilityGrade(Integer v) { disabilityGrade = v; }
	public Schooling getSchooling() { return schooling; }
	public void setSchooling(Schooling v) { schooling = v; }
	public String getSchool() { return school; }
	public void setSchool(String v) { school = v; }
	public String getMedicalInsurance() { return medicalInsurance; }
	public void setMedicalInsurance(String v) { medicalInsurance = v; }
	public List<Category> getCategories() { return categories; }
	public void setCategories(List<Category> v) { categories = v == null ? new ArrayList<>() : v; }
	// @formatter:on

}
