/**
 * COCO person annotations (keypoints/coco/test_coco.json) as PoseFrames in MoveNet's layout,
 * which is COCO's own 17-point order: the annotation goes through the same code as a detection.
 */
import { readFile } from 'node:fs/promises';
import type { PoseFrame } from '../pose/types';

export interface CocoPerson {
  annotationId: number;
  imageFile: string;
  imageWidth: number;
  imageHeight: number;
  /** [x, y, width, height] pixels. */
  bbox: [number, number, number, number];
  /** Labelled joints visibility 1 (COCO v 1 or 2), unlabelled 0. */
  frame: PoseFrame;
  labelledJoints: number;
}

interface CocoJson {
  images: { id: number; file_name: string; width: number; height: number }[];
  annotations: { id: number; image_id: number; keypoints: number[]; bbox: number[]; num_keypoints: number; iscrowd?: number }[];
}

export async function loadCocoPeople(jsonPath: string): Promise<CocoPerson[]> {
  const coco = JSON.parse(await readFile(jsonPath, 'utf8')) as CocoJson;
  const images = new Map(coco.images.map((image) => [image.id, image]));
  const people: CocoPerson[] = [];
  for (const annotation of coco.annotations) {
    const image = images.get(annotation.image_id);
    if (!image) throw new Error(`expected image ${annotation.image_id} in ${jsonPath}, got no such image`);
    if (annotation.iscrowd || annotation.keypoints.length !== 17 * 3) continue;
    const landmarks = Array.from({ length: 17 }, (_, i) => {
      const [x, y, v] = annotation.keypoints.slice(i * 3, i * 3 + 3) as [number, number, number];
      return { x, y, visibility: v > 0 ? 1 : 0 };
    });
    const [bx = 0, by = 0, bw = 0, bh = 0] = annotation.bbox;
    people.push({
      annotationId: annotation.id,
      imageFile: image.file_name,
      imageWidth: image.width,
      imageHeight: image.height,
      bbox: [bx, by, bw, bh],
      frame: {
        timestampMs: 0, imageWidth: image.width, imageHeight: image.height, keypointSet: 'movenet17',
        landmarks, score: 1, inferenceMs: 0,
      },
      labelledJoints: landmarks.filter((l) => l.visibility > 0).length,
    });
  }
  return people;
}
