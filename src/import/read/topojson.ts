import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { inferCrs } from '../guess';
import { ImportError, text } from '../text';
import { GEOJSON_CONTEXT } from './geojson';
import {
  isRecord,
  polygonFeatures,
  positionsOf,
  type ImportSource,
  type RawFeature,
} from './common';

/**
 * TopoJSON (common for Chinese administrative map data) through `topojson-client`, the format's
 * reference reader: every object of the topology becomes features, its arcs stitched into rings.
 * The topology's shape is checked first, because topojson-client trusts its input and fails with
 * raw errors on a broken one.
 */

function checkTopology(fileName: string, value: Record<string, unknown>): Topology {
  const objects = value['objects'];
  const arcs = value['arcs'];
  const problem = !isRecord(objects)
    ? text('缺少 objects', 'it has no objects member')
    : !Array.isArray(arcs)
      ? text('缺少 arcs 数组', 'it has no arcs array')
      : !arcs.every(
            (arc) =>
              Array.isArray(arc) &&
              arc.every(
                (p) =>
                  Array.isArray(p) &&
                  p.length >= 2 &&
                  p.every((n) => typeof n === 'number' && Number.isFinite(n)),
              ),
          )
        ? text('arcs 中有不是坐标数组的项', 'an arc is not a list of positions')
        : null;
  if (problem) {
    throw new ImportError(
      fileName,
      text(`不是有效的 TopoJSON：${problem.zh}`, `not valid TopoJSON: ${problem.en}`),
    );
  }
  const transform = value['transform'];
  if (
    transform !== undefined &&
    !(
      isRecord(transform) &&
      Array.isArray(transform['scale']) &&
      Array.isArray(transform['translate'])
    )
  ) {
    throw new ImportError(
      fileName,
      text('不是有效的 TopoJSON：transform 格式错误', 'not valid TopoJSON: malformed transform'),
    );
  }
  return value as unknown as Topology;
}

/** Whether every arc index a geometry names exists. */
function arcsResolve(geometry: unknown, arcCount: number, depth = 0): boolean {
  if (!isRecord(geometry) || depth > 8) return false;
  if (geometry['type'] === 'GeometryCollection') {
    const members = geometry['geometries'];
    return Array.isArray(members) && members.every((g) => arcsResolve(g, arcCount, depth + 1));
  }
  const check = (value: unknown): boolean =>
    typeof value === 'number'
      ? Number.isInteger(value) && (value < 0 ? ~value : value) < arcCount
      : Array.isArray(value) && value.every(check);
  return geometry['arcs'] === undefined || check(geometry['arcs']);
}

/** Reads a parsed TopoJSON topology. */
export function readTopoJsonValue(fileName: string, value: Record<string, unknown>): ImportSource {
  const topology = checkTopology(fileName, value);
  const raw: RawFeature[] = [];
  const names = Object.keys(topology.objects);
  for (const name of names) {
    const object = topology.objects[name];
    if (!arcsResolve(object, topology.arcs.length)) {
      throw new ImportError(
        fileName,
        text(
          `TopoJSON 对象“${name}”引用了不存在的弧段或格式错误`,
          `TopoJSON object "${name}" refers to arcs that do not exist, or is malformed`,
        ),
      );
    }
    let converted: unknown;
    try {
      converted = feature(topology, object as never);
    } catch {
      throw new ImportError(
        fileName,
        text(`TopoJSON 对象“${name}”无法读取`, `TopoJSON object "${name}" cannot be read`),
      );
    }
    const features =
      isRecord(converted) && Array.isArray(converted['features'])
        ? converted['features']
        : [converted];
    for (const item of features) {
      if (!isRecord(item)) continue;
      raw.push({
        properties: isRecord(item['properties']) ? item['properties'] : {},
        geometry: isRecord(item['geometry']) ? (item['geometry'] as never) : null,
      });
    }
  }
  const { features, fields, skipped } = polygonFeatures(fileName, raw);
  const notes = skipped ? [skipped] : [];
  if (names.length > 1) {
    notes.push(
      text(
        `读取了 ${names.length} 个 TopoJSON 对象：${names.join('、')}`,
        `${names.length} TopoJSON objects read: ${names.join(', ')}`,
      ),
    );
  }
  return {
    fileName,
    format: 'topojson',
    features,
    fields,
    guess: inferCrs(fileName, positionsOf(features), GEOJSON_CONTEXT),
    notes,
  };
}
