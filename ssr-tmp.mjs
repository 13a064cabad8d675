import * as echarts from "echarts";
const c = echarts.init(null, null, { renderer: "svg", ssr: true, width: 400, height: 300 });
c.setOption({ title: { text: "Hello <b>", subtext: "sub", textStyle: { fontSize: 20 } }, xAxis: { type: "category", data: ["a", "b"] }, yAxis: {}, series: [{ type: "bar", data: [1, 2] }] });
console.log(c.renderToSVGString().slice(0, 1500));
