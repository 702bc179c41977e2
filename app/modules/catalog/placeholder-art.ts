/**
 * Placeholder artwork for products and groups until real photos are uploaded:
 * a woven-pattern SVG drawn from the slug, in the colours of its category, so
 * every card looks distinct and nothing is downloaded from anywhere.
 */

const palettes: Record<string, [string, string, string]> = {
  textiles: ["#5b2a86", "#c08497", "#f2e8cf"],
  food: ["#9c2c13", "#e07a1f", "#fbe8c8"],
  "rice-grains": ["#6b5b2a", "#d4b483", "#f6f1e1"],
  drinks: ["#3e2723", "#8d6e63", "#efe4d8"],
  "herbal-beauty": ["#2d6a4f", "#95d5b2", "#eef7f0"],
  handicraft: ["#7f5539", "#b08968", "#f3e9dc"],
  fresh: ["#386641", "#a7c957", "#f2f7e6"],
  experiences: ["#1d3557", "#457b9d", "#e8f1f8"],
  group: ["#264653", "#2a9d8f", "#e9f5f2"],
};

/** A palette's dark ink, middle tone and light ground (the group palette for an unknown name). */
export function artPalette(palette: string): { dark: string; mid: string; light: string } {
  const [dark, mid, light] = palettes[palette] ?? palettes.group;
  return { dark, mid, light };
}

function hash(text: string): number {
  let value = 2166136261;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 16777619);
  }
  return value >>> 0;
}

export function placeholderSvg(seed: string, palette: string): string {
  const [dark, mid, light] = palettes[palette] ?? palettes.group;
  const h = hash(seed);
  const stripes = 4 + (h % 5);
  const diamond = 10 + ((h >> 3) % 14);
  const angle = (h >> 7) % 2 === 0 ? 0 : 45;
  const band = 400 / stripes;
  const bands = Array.from({ length: stripes }, (_, i) =>
    i % 2 === 0 ? `<rect x="0" y="${(i * band).toFixed(1)}" width="400" height="${(band / 3).toFixed(1)}" fill="${mid}" opacity="0.55"/>` : "",
  ).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-hidden="true">
<defs><pattern id="p" width="${diamond * 2}" height="${diamond * 2}" patternUnits="userSpaceOnUse" patternTransform="rotate(${angle})">
<path d="M${diamond} 0 L${diamond * 2} ${diamond} L${diamond} ${diamond * 2} L0 ${diamond} Z" fill="${dark}" opacity="0.18"/></pattern></defs>
<rect width="400" height="400" fill="${light}"/>${bands}<rect width="400" height="400" fill="url(#p)"/>
<circle cx="200" cy="200" r="${70 + (h % 40)}" fill="${dark}" opacity="0.85"/>
<circle cx="200" cy="200" r="${30 + (h % 20)}" fill="${light}" opacity="0.9"/>
</svg>`;
}
