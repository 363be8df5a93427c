package org.bangfu.registry.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;

/** The household page form; on "new" it carries the head as well. */
public class HouseholdForm {

	private Integer version;

	private String fileNo;

	private String regionCode;

	private String address;

	private String phone;

	private HardshipCause mainCause;

	private List<HardshipCause> secondaryCauses = new ArrayList<>();

	private List<Category> categories = new ArrayList<>();

	private HousingType housingType;

	private BigDecimal floorArea;

	private BigDecimal annualRent;

	private Integer vehicles = 0;

	private BigDecimal savings;

	private String business;

	private String bankName;

	private String bankAccount;

	private String remarks;

	private MemberForm head = new MemberForm();

	/** Further members entered on the same page as the head; rows left empty are ignored. */
	private java.util.List<MemberForm> members = new java.util.ArrayList<>();

	HouseholdForm() {
		head.setRelation(Relation.HEAD);
	}

	HouseholdData toData() {
		return new HouseholdData(fileNo, regionCode, address, phone, mainCause, secondaryCauses, categories, housingType,
				floorArea, annualRent, vehicles, savings, business, bankName, bankAccount, remarks);
	}

	static HouseholdForm of(HouseholdView h) {
		HouseholdForm f = new HouseholdForm();
		f.version = h.version();
		f.fileNo = h.fileNo();
		f.regionCode = h.regionCode();
		f.address = h.address();
		f.phone = h.phone();
		f.mainCause = h.mainCause();
		f.secondaryCauses = new ArrayList<>(h.secondaryCauses());
		f.categories = new ArrayList<>(h.categories());
		f.housingType = h.housingType();
		f.floorArea = h.floorArea();
		f.annualRent = h.annualRent();
		f.vehicles = h.vehicles();
		f.savings = h.savings();
		f.business = h.business();
		f.bankName = h.bankName();
		f.remarks = h.remarks();
		return f;
	}

	// @formatter:off
	public Integer getVersion() { return version; }
	public void setVersion(Integer v) { version = v; }
	public String getFileNo() { return fileNo; }
	public void setFileNo(String v) { fileNo = v; }
	public String getRegionCode() { return regionCode; }
	public void setRegionCode(String v) { regionCode = v; }
	public String getAddress() { return address; }
	public void setAddress(String v) { address = v; }
	public String getPhone() { return phone; }
	public void setPhone(String v) { phone = v; }
	public HardshipCause getMainCause() { return mainCause; }
	public void setMainCause(HardshipCause v) { mainCause = v; }
	public List<HardshipCause> getSecondaryCauses() { return secondaryCauses; }
	public void setSecondaryCauses(List<HardshipCause> v) { secondaryCauses = v == null ? new ArrayList<>() : v; }
	public List<Category> getCategories() { return categories; }
	public void setCategories(List<Category> v) { categories = v == null ? new ArrayList<>() : v; }
	public HousingType getHousingType() { return housingType; }
	public void setHousingType(HousingType v) { housingType = v; }
	public BigDecimal getFloorArea() { return floorArea; }
	public void setFloorArea(BigDecimal v) { floorArea = v; }
	public BigDecimal getAnnualRent() { return annualRent; }
	public void setAnnualRent(BigDecimal v) { annualRent = v; }
	public Integer getVehicles() { return vehicles; }
	public void setVehicles(Integer v) { vehicles = v; }
	public BigDecimal getSavings() { return savings; }
	public void setSavings(BigDecimal v) { savings = v; }
	public String getBusiness() { return business; }
	public void setBusiness(String v) { business = v; }
	public String getBankName() { return bankName; }
	public void setBankName(String v) { bankName = v; }
	public String getBankAccount() { return bankAccount; }
	public void setBankAccount(String v) { bankAccount = v; }
	public String getRemarks() { return remarks; }
	public void setRemarks(String v) { remarks = v; }
	public MemberForm getHead() { return head; }
	public void setHead(MemberForm v) { head = v; }
	public java.util.List<MemberForm> getMembers() { return members; }
	public void setMembers(java.util.List<MemberForm> v) { members = v; }
	// @formatter:on

}
