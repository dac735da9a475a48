# SPDX-License-Identifier: GPL-3.0-or-later
# mapnik-tiles.py: renders the same tiles as bench-basemap with Mapnik, from
# the same GeoJSON and an equivalent style (sea background, land fill,
# border lines), and prints the median per tile.  Needs Debian's
# python3-mapnik, which only /usr/bin/python3 can load.
import math
import os
import statistics
import sys
import time

import mapnik

WEST, EAST, SOUTH, NORTH = 36.0, 52.0, 36.0, 45.0
R = 6378137.0
HALF = math.pi * R

STYLE = """<Map srs="epsg:3857" background-color="#aacbea">
  <Style name="land">
    <Rule>
      <PolygonSymbolizer fill="#f3f1ed"/>
      <LineSymbolizer stroke="#8e8c88" stroke-width="0.8" stroke-opacity="0.9"/>
    </Rule>
  </Style>
  <Layer name="world" srs="epsg:4326">
    <StyleName>land</StyleName>
    <Datasource><Parameter name="type">geojson</Parameter>
      <Parameter name="file">{world}</Parameter></Datasource>
  </Layer>
  <Layer name="region" srs="epsg:4326">
    <StyleName>land</StyleName>
    <Datasource><Parameter name="type">geojson</Parameter>
      <Parameter name="file">{region}</Parameter></Datasource>
  </Layer>
</Map>"""


def tile_at(lat, lon, zoom):
    n = 2 ** zoom
    x = (lon + 180) / 360
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return int(x * n), int(y * n)


def tile_box(zoom, x, y):
    size = 2 * HALF / 2 ** zoom
    return mapnik.Box2d(-HALF + x * size, HALF - (y + 1) * size,
                        -HALF + (x + 1) * size, HALF - y * size)


def bench(data_dir, scale, min_zoom, max_zoom, write_dir):
    size = int(256 * scale)
    m = mapnik.Map(size, size)
    mapnik.load_map_from_string(m, STYLE.format(
        world=os.path.join(data_dir, "world-50m.geojson"),
        region=os.path.join(data_dir, "region-10m.geojson")))
    times = []
    for rep in range(2):   # the first pass warms the datasources
        for zoom in range(min_zoom, max_zoom + 1):
            x0, y0 = tile_at(NORTH, WEST, zoom)
            x1, y1 = tile_at(SOUTH, EAST, zoom)
            for y in range(y0, y1 + 1):
                for x in range(x0, x1 + 1):
                    image = mapnik.Image(size, size)
                    start = time.perf_counter()
                    m.zoom_to_box(tile_box(zoom, x, y))
                    mapnik.render(m, image, scale)
                    ms = (time.perf_counter() - start) * 1000
                    if rep == 1:
                        times.append(ms)
                        if write_dir:
                            image.save(os.path.join(write_dir, f"{zoom}-{x}-{y}@{scale:g}x-mapnik.png"), "png")
    return len(times), statistics.median(times)


def main():
    data_dir = sys.argv[1]
    min_zoom, max_zoom = int(sys.argv[2]), int(sys.argv[3])
    write_dir = sys.argv[4] if len(sys.argv) > 4 else None
    for scale in (1, 2):
        n, median = bench(data_dir, scale, min_zoom, max_zoom, write_dir)
        print(f"mapnik {scale}x: {n} tiles, median {median:.3f} ms/tile")


main()
