/**
 * The feature store: CNN region features extracted once per image or clip and read many times by
 * the trainer. {@link org.captionstudio.core.features.FeatureStoreWriter} writes one, resumably;
 * {@link org.captionstudio.core.features.FeatureStore} checks it and reads it through a memory map.
 *
 * <h2>On disk (format version 1)</h2>
 *
 * A store is a folder of four files. Every binary number is <b>little-endian</b>.
 *
 * <ul>
 *   <li>{@code header.json}: UTF-8 JSON (at most 1 MiB), written once, last, when the store is
 *       created: {@code format} ("caption-studio-feature-store"), {@code version} (1), {@code
 *       byteOrder} ("little-endian"), {@code encoderId}, {@code gridHeight}, {@code gridWidth},
 *       {@code featureDim}, {@code precision} ("FP32" or "FP16"), {@code datasetHash}, {@code
 *       plannedItems} (0 = unknown) and {@code provenance} (an object of strings). See {@link
 *       org.captionstudio.core.features.FeatureStoreHeader}.
 *   <li>{@code features.bin}: the items back to back, nothing else, {@code [items, regions,
 *       featureDim]} with {@code regions = gridHeight × gridWidth} (row-major grid cells). Values
 *       are IEEE binary32 or binary16 ({@link org.captionstudio.core.features.Fp16}). Item {@code
 *       i} starts at byte {@code i × regions × featureDim × bytesPerValue}.
 *   <li>{@code ids.bin}: the item ids in item order, each a u16 byte length (1..256) and that many
 *       bytes of UTF-8.
 *   <li>{@code commit.bin}: 36 bytes: magic "CSFC", u32 version, i64 committed items, i64 committed
 *       bytes of {@code ids.bin}, u32 CRC-32 of those bytes, u32 flags (bit 0: complete), u32
 *       CRC-32 of the preceding 32 bytes.
 * </ul>
 *
 * <h2>Crash safety</h2>
 *
 * Only what {@code commit.bin} covers exists. A writer appends items to {@code features.bin} as
 * they come; every chunk it forces that file, appends and forces the chunk's ids, and then replaces
 * {@code commit.bin} atomically (temporary file, force, atomic rename, force the folder). A resumed
 * writer cuts both files back to the commit, so an extraction killed at any moment loses at most
 * its last, uncommitted chunk and never stores an item twice. The full byte layout is in the
 * comment at the top of {@code FeatureStoreFormat}.
 */
package org.captionstudio.core.features;
