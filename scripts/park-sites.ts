/**
 * Where and how big each park's schematic boundary is drawn: the hand-written input of
 * build-parks.ts. No official 四至 (four-sided boundary) has been found for any park, so every
 * shape is a stand-in: an organic ellipse at the best-known location, clipped to the park's
 * district on land (or to its zone), grown until its area equals the reported area, or a stated
 * nominal area where none is reported.
 *
 * Locations: all centres are the research notes' town-level estimates ([GK], ±3–5 km) or, where
 * it has none, a placeholder explained in `where`. Replace a park by its official boundary by
 * setting `boundary: "official"` in parks.geojson and dropping its entry here (see geo/README.md).
 */
import type { Bilingual, District } from '../src/data/schema';

export interface ParkSite {
  readonly id: string;
  /** Centre of the base ellipse, [lon, lat]. */
  readonly centre: readonly [number, number];
  /** A point the drawn shape must contain (defaults to the centre): the part kept after clipping. */
  readonly anchor?: readonly [number, number];
  /**
   * The area to draw, km². For a park with a reported area this must equal it; otherwise it is a
   * nominal size and `nominal` is true.
   */
  readonly areaKm2: number;
  readonly nominal: boolean;
  /** Long axis ÷ short axis of the base ellipse. */
  readonly aspect: number;
  /** Direction of the long axis, degrees counter-clockwise from east. */
  readonly rotation: number;
  /** Superellipse exponent: 2 is an ellipse (the default), 4 a rounded rectangle for strip-like zones. */
  readonly roundness?: number;
  /** The AMap district polygon(s) it must stay inside (镇江新区 is a functional zone inside 京口区). */
  readonly districts: readonly District[];
  /**
   * For a zone larger than the land of its first district: take all of that district's land (within
   * `clipBox`, outside other parks), and grow the rest of the area from `centre` into the other
   * districts listed.
   */
  readonly overflow?: {
    readonly centre: readonly [number, number];
    readonly aspect: number;
    readonly rotation: number;
  };
  /** Extra clip box [minLon, minLat, maxLon, maxLat], where the described extent calls for one. */
  readonly clipBox?: readonly [number, number, number, number];
  /** What the location rests on, completing "drawn at …" in the boundary note. */
  readonly where: Bilingual;
  /** Anything else the boundary note must say. */
  readonly extra?: Bilingual;
}

/**
 * Drawing order matters: each park is fitted into the space the earlier ones left, and a linked
 * park into its zone, so zones come before their parks, and small parks with a known site before
 * the large zones that must flow around them.
 */
export const PARK_SITES: readonly ParkSite[] = [
  {
    id: 'gt',
    centre: [119.465, 32.15],
    areaKm2: 14.57,
    nominal: false,
    aspect: 1.3,
    rotation: 60,
    districts: ['润州区'],
    where: {
      zh: '研究资料的位置估计（119.465E, 32.150N；沪蓉高速镇江出口／官塘桥路一带），裁切至润州区',
      en: 'at the research estimate (119.465 E, 32.150 N; the 沪蓉 expressway Zhenjiang exit / 官塘桥路), clipped to 润州区',
    },
    extra: {
      zh: '实际位于几个市辖区交汇处，可能跨出润州区。',
      en: 'The community lies where several districts meet and may extend beyond 润州区.',
    },
  },
  {
    id: 'jk-park',
    centre: [119.49, 32.19],
    areaKm2: 3,
    nominal: true,
    aspect: 1.2,
    rotation: 0,
    districts: ['京口区'],
    where: {
      zh: '研究资料的位置估计（大禹山一带，119.49E, 32.19N，可信度低）',
      en: 'at the research estimate (大禹山, 119.49 E, 32.19 N; low confidence)',
    },
  },
  {
    id: 'zj-hitech',
    centre: [119.364, 32.198],
    anchor: [119.362, 32.19],
    areaKm2: 12,
    nominal: true,
    aspect: 2.4,
    rotation: 15,
    roundness: 3,
    districts: ['润州区'],
    where: {
      zh: '研究资料的位置估计（蒋乔／润扬大桥南端，119.36E, 32.20N），贴长江南岸、西抵润州区与丹徒区界',
      en: 'at the research estimate (蒋乔 / south end of the 润扬 bridge, 119.36 E, 32.20 N), against the Yangtze bank and the 润州区–丹徒区 border',
    },
    extra: {
      zh: '名义面积取前身润州工业园区 2012 年行政区域面积 12 km²。前身四至“东至戴家门路，西与丹徒区接壤，南至312国道，北连长江”中，北、西两边按底图（长江岸线、区界）落实；底图无道路，戴家门路与 312 国道无法描绘，故仍为示意边界而非“近似”。',
      en: 'Nominal size = the predecessor 润州工业园区’s 12 km² administrative area (2012). Of the predecessor’s 四至 (east 戴家门路, west the 丹徒区 border, south G312, north the Yangtze), the north and west sides follow the basemap’s bank and district border; the basemap has no roads, so 戴家门路 and G312 could not be traced and the boundary stays schematic, not approximate.',
    },
  },
  {
    id: 'dt-hitech',
    centre: [119.442, 32.128],
    areaKm2: 3,
    nominal: true,
    aspect: 1.3,
    rotation: 30,
    districts: ['丹徒区'],
    where: {
      zh: '谷阳附近（位置未查到，仅为占位）',
      en: 'near 谷阳 (site not found; a placeholder)',
    },
  },
  {
    id: 'dt-auto',
    centre: [119.37, 32.03],
    areaKm2: 4,
    nominal: true,
    aspect: 1.4,
    rotation: 20,
    districts: ['丹徒区'],
    where: {
      zh: '研究资料的位置估计（上党镇，119.37E, 32.03N，可信度低）',
      en: 'at the research estimate (上党 town, 119.37 E, 32.03 N; low confidence)',
    },
  },
  {
    id: 'jr-lingang',
    centre: [119.235, 32.15],
    areaKm2: 14,
    nominal: false,
    aspect: 1.8,
    rotation: 70,
    districts: ['句容市'],
    where: {
      zh: '研究资料的位置估计（下蜀，119.24E, 32.15N，可信度低），裁切至句容市陆地',
      en: 'at the research estimate (下蜀, 119.24 E, 32.15 N; low confidence), clipped to 句容市 on land',
    },
    extra: {
      zh: '按 2014 年核心区面积绘制；规划面积 60 km² 未绘出。',
      en: 'Drawn at the 2014 core area; the 60 km² planned area is not drawn.',
    },
  },
  {
    id: 'jr-edz',
    centre: [119.185, 31.96],
    areaKm2: 6,
    nominal: true,
    aspect: 1.3,
    rotation: 80,
    districts: ['句容市'],
    where: {
      zh: '研究资料的位置估计（华阳东侧，119.18E, 31.96N，可信度低）',
      en: 'at the research estimate (east side of 华阳, 119.18 E, 31.96 N; low confidence)',
    },
  },
  {
    id: 'dy-edz',
    centre: [119.605, 32.015],
    areaKm2: 6,
    nominal: true,
    aspect: 1.3,
    rotation: 45,
    districts: ['丹阳市'],
    where: {
      zh: '研究资料的位置估计（119.60E, 32.01N，可信度低）',
      en: 'at the research estimate (119.60 E, 32.01 N; low confidence)',
    },
  },
  {
    id: 'yz-edz',
    centre: [119.86, 32.255],
    areaKm2: 27.4,
    nominal: false,
    aspect: 1.6,
    rotation: 120,
    districts: ['扬中市'],
    where: {
      zh: '扬中岛东北侧主航道岸边（研究资料无位置估计；据报道的 7.2 km 深水岸线推断，可信度低）',
      en: 'on the north-east shore of Yangzhong island, on the main channel (the research has no site estimate; inferred from the reported 7.2 km deep-water shoreline; low confidence)',
    },
  },
  {
    id: 'yz-hitech',
    centre: [119.805, 32.185],
    areaKm2: 6,
    nominal: true,
    aspect: 1.3,
    rotation: 100,
    districts: ['扬中市'],
    where: {
      zh: '扬中市区（三茅）以南（位置未查到，仅为占位）',
      en: 'south of the city seat 三茅 (site not found; a placeholder)',
    },
  },
  {
    id: 'zj-etdz',
    centre: [119.655, 32.163],
    anchor: [119.64, 32.18],
    areaKm2: 222,
    nominal: false,
    aspect: 3.4,
    rotation: 12,
    roundness: 4,
    districts: ['京口区', '丹徒区'],
    overflow: { centre: [119.56, 32.125], aspect: 1.6, rotation: 0 },
    clipBox: [119.505, 32.0, 119.9, 32.3],
    where: {
      zh: '丁卯（约 119.51E）至大路（约 119.76E）之间的长江南岸（研究资料描述）：取丁卯以东京口区全部陆地（镇江新区为功能区，高德数据中无单独边界，其辖地位于京口区、丹徒区多边形内），不足部分延伸入相邻的丹徒区',
      en: 'on the Yangtze south bank between 丁卯 (about 119.51 E) and 大路 (about 119.76 E), as the research describes: all of 京口区’s land east of 丁卯 (镇江新区 is a functional zone with no polygon of its own in the AMap data; its land lies in the 京口区 and 丹徒区 polygons), topped up from the adjoining part of 丹徒区',
    },
    extra: {
      zh: '底图中丁卯以东的京口区陆地不足报道面积（行政面积可能含水域，底图岸线亦较粗），故延伸入丹徒区。报道面积为行政区域面积，图形覆盖的并非全部为产业用地，也可能包含不属于新区的地方（如谏壁）。',
      en: 'In this basemap 京口区 has less land east of 丁卯 than the reported area (the administrative figure may include water, and the bank line is coarse), hence the extension into 丹徒区. The reported area is administrative: the shape is not all industrial land, and may take in places outside the New Area (e.g. 谏壁).',
    },
  },
  {
    id: 'dy-hitech',
    centre: [119.53, 31.962],
    anchor: [119.5646, 31.9956],
    areaKm2: 175.85,
    nominal: false,
    aspect: 1.35,
    rotation: -35,
    districts: ['丹阳市'],
    where: {
      zh: '以核心区云阳街道为锚点，向西南展开以避开丹阳经开区的位置估计，裁切至丹阳市',
      en: 'anchored on the core (云阳 subdistrict) and extended south-west so as to leave the 丹阳经开区 estimate outside, clipped to 丹阳市',
    },
    extra: {
      zh: '规划面积实际分布于“一区四园”多处，此处合为一个示意形状。',
      en: 'The planned area is really spread over “one zone, four parks”; here it is one schematic shape.',
    },
  },
  {
    id: 'zj-etdz-aero',
    centre: [119.765, 32.192],
    areaKm2: 10,
    nominal: false,
    aspect: 1.8,
    rotation: 80,
    districts: ['京口区'],
    where: {
      zh: '经开区东端大路镇（研究资料位置估计 119.76E, 32.20N），位于经开区示意边界内',
      en: 'at the east end of the ETDZ at 大路 (research estimate 119.76 E, 32.20 N), inside the ETDZ’s schematic boundary',
    },
    extra: {
      zh: '北部对应大路通用机场所在的北区，南部对应材料与零部件南区（仅示意）。',
      en: 'Its northern end stands for the north part with the 大路 airport, the rest for the south part (schematic only).',
    },
  },
  {
    id: 'zj-etdz-ne',
    centre: [119.69, 32.165],
    areaKm2: 3,
    nominal: true,
    aspect: 1.3,
    rotation: 0,
    districts: ['京口区'],
    where: {
      zh: '经开区内（位置未查到，仅为占位，使其显示于所属开发区内）',
      en: 'inside the ETDZ (site not found; a placeholder so that it shows within its zone)',
    },
  },
  {
    id: 'zj-cbz',
    centre: [119.625, 32.182],
    areaKm2: 2,
    nominal: true,
    aspect: 1.3,
    rotation: 0,
    districts: ['京口区'],
    where: {
      zh: '经开区内（位置未查到，仅为占位，使其显示于所属开发区内）',
      en: 'inside the ETDZ (site not found; a placeholder so that it shows within its zone)',
    },
  },
];
