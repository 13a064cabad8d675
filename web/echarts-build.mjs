/*! Apache ECharts 5.6.0, only the parts this page uses (echarts/core, bundled).
 * Copyright 2017-2024 The Apache Software Foundation. This product includes software
 * developed at The Apache Software Foundation (https://www.apache.org/). Licensed under
 * the Apache License, Version 2.0: http://www.apache.org/licenses/LICENSE-2.0 */
// The parts of ECharts the page draws with, from ECharts' tree-shaken build
// (echarts/core). `make site` bundles this file with esbuild into the site's
// web/echarts.min.js, which defines the global `echarts` as the full build does. The
// charts are bars and lines (app/report) with a title, tooltip, legend, grid, aria
// description and break-even mark line; the canvas renderer draws the page and the PNG
// exports, the SVG renderer the SVG exports (web/charts.js). A chart using anything
// else must add it here: ECharts' production build leaves an unregistered component
// out without a word (the browser tests check each chart's components).
import { use } from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export * from "echarts/core";
