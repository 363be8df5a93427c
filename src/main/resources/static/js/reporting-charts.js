// Draws each dashboard chart (div.bf-chart with data-labels and data-values as JSON) with ECharts;
// the table next to every chart carries the same numbers and the links, so the chart is only a picture.
(function () {
  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('.bf-chart').forEach(function (el) {
      var labels = JSON.parse(el.dataset.labels || '[]');
      var values = JSON.parse(el.dataset.values || '[]');
      if (labels.length === 0) {
        return;
      }
      el.style.height = Math.max(160, Math.min(420, 28 * labels.length + 60)) + 'px';
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        aria: { enabled: true },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: labels, inverse: true },
        series: [{ type: 'bar', data: values, itemStyle: { color: '#0b5ed7' }, label: { show: true, position: 'right' } }],
        tooltip: { trigger: 'axis' }
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
