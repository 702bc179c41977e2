import { describe, expect, it } from "vitest";
import { CARRIERS, carrierForShipping, carrierName, normaliseTrackingNumber, trackingNumberProblem, trackingUrl } from "./carriers";

describe("trackingUrl", () => {
  it("links each carrier's own tracking page with the number", () => {
    expect(trackingUrl("THAILAND_POST_EMS", "EF123456789TH")).toBe("https://track.thailandpost.co.th/?trackNumber=EF123456789TH");
    expect(trackingUrl("THAILAND_POST_REGISTERED", "RB123456789TH")).toBe("https://track.thailandpost.co.th/?trackNumber=RB123456789TH");
    expect(trackingUrl("KERRY", "KEX1234567890")).toBe("https://th.kerryexpress.com/th/track/?track=KEX1234567890");
    expect(trackingUrl("FLASH", "TH0123456789A")).toBe("https://www.flashexpress.co.th/fle/tracking?se=TH0123456789A");
    expect(trackingUrl("JT", "820012345678")).toBe("https://www.jtexpress.co.th/service/track?billcode=820012345678");
  });

  it("has no link for another carrier, an unknown code or an empty number", () => {
    expect(trackingUrl("OTHER", "ABC123456")).toBeNull();
    expect(trackingUrl("DHL", "ABC123456")).toBeNull();
    expect(trackingUrl("KERRY", "  ")).toBeNull();
  });

  it("never lets a stored number break out of the query string", () => {
    const url = new URL(trackingUrl("KERRY", "A&B=1#x")!);
    expect(url.searchParams.get("track")).toBe("A&B=1#x");
    expect(url.hash).toBe("");
  });
});

describe("tracking numbers", () => {
  it("are made canonical from what people paste", () => {
    expect(normaliseTrackingNumber("  ef 1234 5678 9th\n")).toBe("EF123456789TH");
  });

  it("follow Thailand Post's S10 form for its services", () => {
    expect(trackingNumberProblem("THAILAND_POST_EMS", "EF123456789TH")).toBeNull();
    expect(trackingNumberProblem("THAILAND_POST_REGISTERED", "RB123456789TH")).toBeNull();
    for (const bad of ["EF12345678TH", "EF123456789US", "123456789012", "KEX1234567890"]) {
      expect(trackingNumberProblem("THAILAND_POST_EMS", bad), bad).toBe("thailandPost");
    }
  });

  it("are letters, digits and dashes of a sane length for the couriers", () => {
    expect(trackingNumberProblem("KERRY", "KEX1234567890")).toBeNull();
    expect(trackingNumberProblem("JT", "820012345678")).toBeNull();
    expect(trackingNumberProblem("OTHER", "NV-TH-0042")).toBeNull();
    expect(trackingNumberProblem("FLASH", "TH1")).toBe("format");
    expect(trackingNumberProblem("FLASH", "X".repeat(41))).toBe("format");
    expect(trackingNumberProblem("KERRY", "=HYPERLINK(1)")).toBe("format");
  });
});

describe("carrier names and defaults", () => {
  it("names every carrier in both languages, and shows an unknown code as stored", () => {
    for (const carrier of CARRIERS) {
      expect(carrierName(carrier, "th")).not.toBe(carrier);
      expect(carrierName(carrier, "en")).not.toBe(carrier);
    }
    expect(carrierName("OTHER", "th")).toBe("ขนส่งอื่น");
    expect(carrierName("DHL", "en")).toBe("DHL");
  });

  it("suggests the carrier of the buyer's shipping method", () => {
    expect(carrierForShipping("THAILAND_POST_EMS")).toBe("THAILAND_POST_EMS");
    expect(carrierForShipping("COURIER_JT")).toBe("JT");
    expect(carrierForShipping("PICKUP_CENTRE")).toBe("OTHER");
  });
});
