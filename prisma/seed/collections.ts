/**
 * The staff-curated collections the demo store opens with. Staff screens edit
 * them later; here they are data, keyed by slug.
 */
export const demoCollections = [
  {
    slug: "handwoven-heritage",
    titleTh: "ผ้าทอมือ มรดกจากแม่",
    titleEn: "Handwoven heritage",
    descriptionTh: "ผ้าไหมมัดหมี่ ผ้าคราม และผ้าขาวม้า ทอโดยกลุ่มแม่บ้านที่สืบลายจากรุ่นสู่รุ่น",
    descriptionEn: "Mudmee silk, indigo cotton and pha khao ma, woven by groups who keep their mothers' patterns alive.",
    items: [
      "chonnabot-mudmee-mudmee-silk-mak-chap-pattern",
      "phannanikhom-indigo-indigo-cotton-ikat",
      "lamphun-brocade-silk-scarf-indigo",
      "surin-silver-mudmee-silk-little-naga-pattern",
      "trang-na-muen-si-pha-khao-ma",
      "phrae-mulberry-indigo-shirt-classic-collar",
    ],
  },
  {
    slug: "from-the-village-kitchen",
    titleTh: "ครัวชุมชน",
    titleEn: "From the village kitchen",
    descriptionTh: "น้ำพริกสูตรโบราณ ข้าวอินทรีย์ และผลไม้แปรรูป จากมือผู้ปลูกถึงมือผู้กิน",
    descriptionEn: "Old-recipe chili pastes, organic rice and preserved fruit, from the grower to the eater.",
    items: [
      "tha-phra-women-chili-paste-hot",
      "sisaket-rice-hom-mali-rice",
      "tha-wang-tan-longan-dried",
      "yang-talat-rice-riceberry",
      "roi-et-plara-chili-paste-hot",
      "sungai-padi-food-durian-paste",
    ],
  },
  {
    slug: "crafted-for-home",
    titleTh: "งานจักสานและของใช้ในบ้าน",
    titleEn: "Crafted for the home",
    descriptionTh: "เสื่อกระจูด ตะกร้าไม้ไผ่ และร่มกระดาษสา งานมือที่ใช้ได้ทุกวัน",
    descriptionEn: "Krajood mats, bamboo baskets and saa paper umbrellas: handwork for every day.",
    items: [
      "ban-thon-krajood-krajood-mat",
      "sisaket-reed-reed-mat",
      "ban-tawai-carving-bamboo-basket-small",
      "bo-sang-umbrella-paper-umbrella-40-inch",
      "surin-silver-silver-bracelet",
    ],
  },
];
