/**
 * The curated Thai/English vocabulary both engines share: synonym groups (a query for one
 * member also finds the others), certification names by slug, and query stop words.
 *
 * Groups describe the kinds of goods occupation groups sell (textiles, basketry, processed food,
 * rice, drinks, herbal goods, produce, village experiences) and common spelling variants of
 * transliterated Thai words. Keep groups tight: every member must mean the same thing to a
 * shopper, because a query for any member pulls in all of them.
 */

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Textiles
  ["silk", "ไหม", "ผ้าไหม", "ไหมแท้"],
  ["mudmee", "mudmee silk", "mut mee", "matmi", "ikat", "มัดหมี่", "ผ้ามัดหมี่", "ผ้าไหมมัดหมี่"],
  ["brocade", "brocade silk", "ยกดอก", "ผ้ายกดอก", "ผ้าไหมยกดอก", "ผ้ายก"],
  ["cotton", "ฝ้าย", "ผ้าฝ้าย"],
  ["indigo", "indigo dyed", "คราม", "ย้อมคราม", "ผ้าคราม", "ม่อฮ่อม", "mo hom", "mohom"],
  ["batik", "บาติก", "ผ้าบาติก", "ปาเต๊ะ"],
  ["sarong", "ผ้าถุง", "ผ้าซิ่น", "ผ้านุ่ง"],
  ["pha khao ma", "phakhaoma", "pakama", "loincloth", "ผ้าขาวม้า"],
  ["scarf", "ผ้าพันคอ"],
  ["shawl", "ผ้าคลุมไหล่"],
  ["shirt", "เสื้อ"],
  ["clothing", "clothes", "apparel", "เสื้อผ้า", "เครื่องแต่งกาย"],
  ["fabric", "cloth", "textile", "ผ้า"],
  ["handwoven", "hand woven", "ทอมือ"],
  ["weaving", "weave", "weaver", "ทอผ้า"],
  ["woven", "wicker", "จักสาน", "สาน"],
  ["natural dye", "naturally dyed", "สีธรรมชาติ", "ย้อมสีธรรมชาติ"],
  ["hand painted", "เขียนมือ", "เขียนลาย"],
  // Basketry and home goods
  ["basket", "ตะกร้า", "กระบุง", "กระจาด", "ชะลอม"],
  ["krajood", "krajud", "sedge", "กระจูด"],
  ["bamboo", "ไม้ไผ่", "ไผ่"],
  ["water hyacinth", "ผักตบชวา", "ผักตบ"],
  ["reed", "เสื่อกก", "ต้นกก"],
  ["mat", "เสื่อ"],
  ["bag", "กระเป๋า"],
  ["backpack", "เป้", "กระเป๋าเป้"],
  ["tote", "tote bag", "กระเป๋าถือ"],
  ["umbrella", "parasol", "ร่ม"],
  ["saa paper", "mulberry paper", "กระดาษสา"],
  ["wood carving", "woodcarving", "carving", "carved", "แกะสลัก", "ไม้แกะสลัก"],
  ["wood", "wooden", "ไม้"],
  ["elephant", "ช้าง"],
  ["pottery", "ceramic", "earthenware", "fired clay", "terracotta", "เครื่องปั้นดินเผา", "ดินเผา"],
  ["vase", "แจกัน"],
  ["silver", "silverware", "sterling", "เงิน", "เครื่องเงิน"],
  ["bracelet", "bangle", "กำไล", "กำไลข้อมือ"],
  ["jewelry", "jewellery", "ornament", "เครื่องประดับ"],
  // Processed food
  ["chili paste", "chilli paste", "chili dip", "chilli dip", "nam prik", "namprik", "น้ำพริก"],
  ["roasted chili paste", "nam prik pao", "น้ำพริกเผา"],
  ["chili", "chilli", "chile", "พริก"],
  ["pla ra", "plara", "pla ra bong", "fermented fish", "ปลาร้า", "ปลาแดก", "ปลาร้าบอง"],
  ["rice cracker", "khao tan", "ข้าวแต๋น", "ข้าวแตน", "นางเล็ด"],
  ["durian", "ทุเรียน"],
  ["durian paste", "ทุเรียนกวน"],
  ["banana", "กล้วย"],
  ["dried banana", "sun dried banana", "solar dried banana", "กล้วยตาก"],
  ["dried", "dry", "dehydrated", "sun dried", "ตาก", "อบแห้ง", "แห้ง"],
  ["longan", "ลำไย"],
  ["mango", "มะม่วง"],
  ["coconut", "มะพร้าว"],
  ["sugar", "น้ำตาล"],
  ["coconut sugar", "palm sugar", "น้ำตาลมะพร้าว", "น้ำตาลปึก", "น้ำตาลโตนด"],
  ["salted egg", "ไข่เค็ม"],
  ["egg", "ไข่"],
  ["mushroom", "เห็ด"],
  ["oyster mushroom", "เห็ดนางฟ้า", "เห็ดนางรม"],
  ["crispy", "crunchy", "chips", "กรอบ", "ทอดกรอบ"],
  ["snack", "ขนม", "ของว่าง"],
  ["watermelon", "แตงโม"],
  // Rice and grains
  ["rice", "ข้าว", "ข้าวสาร"],
  ["jasmine rice", "hom mali", "hom mali rice", "hommali", "ข้าวหอมมะลิ"],
  ["sticky rice", "glutinous rice", "khao niao", "ข้าวเหนียว"],
  ["brown rice", "ข้าวกล้อง"],
  ["germinated rice", "gaba rice", "ข้าวกล้องงอก", "ข้าวงอก"],
  ["riceberry", "rice berry", "ไรซ์เบอร์รี่", "ข้าวไรซ์เบอร์รี่"],
  ["organic", "อินทรีย์", "เกษตรอินทรีย์", "ออร์แกนิก", "ออแกนิค"],
  // Drinks
  ["coffee", "กาแฟ"],
  ["arabica", "อาราบิก้า", "อาราบิกา"],
  ["roasted", "roast", "คั่ว"],
  ["tea", "ชา"],
  ["mulberry", "หม่อน"],
  ["mulberry tea", "mulberry leaf tea", "ชาใบหม่อน", "ชาหม่อน"],
  ["butterfly pea", "blue pea", "อัญชัน", "ดอกอัญชัน"],
  ["honey", "น้ำผึ้ง"],
  ["bee", "ผึ้ง"],
  ["juice", "น้ำผลไม้"],
  // Herbal and beauty
  ["soap", "สบู่"],
  ["herbal", "herb", "herbs", "สมุนไพร"],
  ["balm", "ointment", "ยาหม่อง"],
  ["herbal compress", "compress ball", "compress", "ลูกประคบ"],
  ["turmeric", "ขมิ้น", "ขมิ้นชัน"],
  ["powder", "ผง"],
  ["rice milk", "น้ำนมข้าว"],
  ["massage", "นวด"],
  // Fresh produce
  ["vegetable", "veggie", "veg", "ผัก"],
  ["fruit", "ผลไม้"],
  ["fresh", "สด"],
  ["seasonal", "ตามฤดูกาล"],
  // Community experiences
  ["homestay", "home stay", "โฮมสเตย์"],
  ["cooking class", "cooking lesson", "เรียนทำอาหาร"],
  ["workshop", "class", "lesson", "เวิร์กช็อป", "เรียน"],
  ["experience", "ประสบการณ์"],
  // Qualities
  ["handmade", "hand made", "handcrafted", "ทำมือ", "งานฝีมือ", "แฮนด์เมด"],
  ["traditional", "old recipe", "โบราณ", "สูตรโบราณ", "ดั้งเดิม"],
  ["gift", "souvenir", "ของฝาก", "ของขวัญ"],
  // Place names people spell more than one way
  ["chiang mai", "chiangmai", "เชียงใหม่"],
  ["chiang rai", "chiangrai", "เชียงราย"],
  ["nakhon ratchasima", "korat", "khorat", "นครราชสีมา", "โคราช"],
  ["si sa ket", "sisaket", "srisaket", "ศรีสะเกษ"],
  ["bangkok", "krung thep", "กรุงเทพ", "กรุงเทพมหานคร", "กทม"],
  ["ayutthaya", "ayudhya", "อยุธยา", "พระนครศรีอยุธยา"],
  ["ubon ratchathani", "ubon", "อุบลราชธานี", "อุบล"],
  ["khon kaen", "khonkaen", "ขอนแก่น"],
];

/**
 * Display names of the certification schemes our groups hold, indexed with each product so
 * "organic" or "อย." finds certified goods. Unknown slugs are indexed by their slug words only.
 */
export const CERTIFICATION_NAMES: Readonly<Record<string, readonly string[]>> = {
  otop: ["OTOP", "โอทอป", "หนึ่งตำบลหนึ่งผลิตภัณฑ์", "one tambon one product"],
  "organic-th": ["Organic Thailand", "เกษตรอินทรีย์", "organic"],
  gap: ["GAP", "GAP certified", "มาตรฐาน GAP"],
  fda: ["Thai FDA", "FDA registered", "อย", "เลขสารบบอาหาร"],
  tcps: ["Thai Community Product Standard", "มผช", "มาตรฐานผลิตภัณฑ์ชุมชน"],
  gi: ["GI", "Geographical Indication", "สิ่งบ่งชี้ทางภูมิศาสตร์"],
};

/** Words that carry no meaning on their own in a product query (dropped unless alone). */
export const QUERY_STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "an", "the", "and", "or", "of", "for", "with", "in", "on", "to", "from", "by", "at",
  "และ", "หรือ", "ของ", "ที่", "ใน", "จาก", "กับ", "แบบ", "สำหรับ", "อัน", "ชิ้น",
]);
