/**
 * What each certification badge means for a buyer, in both languages. The
 * catalog file names the badges; these sentences explain them on product pages.
 */
export const certificationMeanings: Record<string, { th: string; en: string }> = {
  otop: {
    th: "ผลิตภัณฑ์ที่ขึ้นทะเบียนโครงการหนึ่งตำบล หนึ่งผลิตภัณฑ์ (OTOP) ของกรมการพัฒนาชุมชน",
    en: "Registered with the Community Development Department's One Tambon One Product (OTOP) programme.",
  },
  "organic-th": {
    th: "ผ่านการรับรองเกษตรอินทรีย์ของกรมวิชาการเกษตร ไม่ใช้สารเคมีสังเคราะห์",
    en: "Certified organic by Thailand's Department of Agriculture: grown without synthetic chemicals.",
  },
  gap: {
    th: "ผ่านการตรวจรับรองการปฏิบัติทางการเกษตรที่ดี (GAP) ปลอดภัยต่อผู้บริโภค",
    en: "Grown under Good Agricultural Practice (GAP), inspected for safe farming.",
  },
  fda: {
    th: "มีเลขสารบบอาหารจากสำนักงานคณะกรรมการอาหารและยา (อย.)",
    en: "Registered with the Thai Food and Drug Administration (FDA).",
  },
  tcps: {
    th: "ผ่านมาตรฐานผลิตภัณฑ์ชุมชน (มผช.) ของสำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม",
    en: "Meets the Thai Community Product Standard (TCPS) of the Thai Industrial Standards Institute.",
  },
  gi: {
    th: "ผลิตในแหล่งภูมิศาสตร์ที่ขึ้นทะเบียนสิ่งบ่งชี้ทางภูมิศาสตร์ (GI) คุณภาพผูกกับถิ่นกำเนิด",
    en: "A registered Geographical Indication: its quality is tied to the place it comes from.",
  },
};
